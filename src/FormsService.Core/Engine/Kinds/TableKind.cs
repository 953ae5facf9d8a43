using System.Text.Json;
using FormsService.Core.Engine.Catalog;
using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>
/// A table: columns and rows repeated over the payload's arrays (the syntax parsed by the parser's table part, the
/// expansion by <see cref="TableBuilder"/>); rows placed page by page, header rows repeated; in Word, a table with the
/// same grid.
/// </summary>
internal sealed class TableKind : BlockKind<TableTemplate, Table>
{
    public override string Key => "table";

    protected override TableTemplate ParseTemplate(JsonElement block, JsonElement value, TemplateParser parser, string at) =>
        parser.ParseTable(value, block, at);

    protected override Table? Build(TableTemplate t, BuildContext context)
    {
        if (!context.Blank && t.If is not null && !context.Values.Has(t.If) && context.Values.Items(t.If).Count == 0)
            return null;
        // A table left with no row at all (lines to fill, on a filled form) is no table.
        var table = TableBuilder.Build(t, context);
        return table.HeaderRows.Count > 0 || table.Rows.Count > 0 ? table : null;
    }

    protected override LaidOutBlock Layout(Table t, LayoutContext context) => TableLayout.Layout(t, context);

    protected override void WriteDocx(Table t, DocxBody body)
    {
        body.BeforeTable();
        DocxTable.Write(body.Runs, t, body.Facts, body.TableSeparator);
    }
}
