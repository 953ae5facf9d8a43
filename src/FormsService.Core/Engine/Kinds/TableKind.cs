using FormsService.Core.Engine.Layout;
using FormsService.Core.Engine.Model;
using FormsService.Core.Engine.Rendering;

namespace FormsService.Core.Engine.Kinds;

/// <summary>A table: rows placed page by page, header rows repeated; in Word, a table with the same grid.</summary>
internal sealed class TableKind : BlockKind<Table>
{
    protected override LaidOutBlock Layout(Table t, LayoutContext context) => TableLayout.Layout(t, context);

    protected override void WriteDocx(Table t, DocxBody body)
    {
        body.BeforeTable();
        DocxTable.Write(body.Runs, t, body.Facts, body.TableSeparator);
    }
}
