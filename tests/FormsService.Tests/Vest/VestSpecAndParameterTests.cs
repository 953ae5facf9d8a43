using FormsService.Core.Engine.Catalog;
using FormsService.Core.Forms.VestSpecimen;

namespace FormsService.Tests.Vest;

public sealed class VestSpecAndParameterTests(VestFixture fx) : IClassFixture<VestFixture>
{
    [Fact]
    public void Specimen_carries_the_lettering_fixed_by_the_order()
    {
        Assert.Equal("ҚОҒАМҒА ҚАРЫЗДЫ ҚАЙТАРУ", fx.Spec.Lettering.Kazakh);
        Assert.Equal("ОТДАТЬ ДОЛГ ОБЩЕСТВУ", fx.Spec.Lettering.Russian);
        Assert.Equal(["1", "2"], fx.Spec.Views.Select(v => v.Number));
        Assert.Equal("#FF7A00", fx.Spec.Colors.Vest);
        Assert.False(string.IsNullOrWhiteSpace(fx.Spec.Notes));
    }

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(fx.Artwork.Validate(new VestParameters()));
        Assert.Empty(VestParameters.Validate(new VestParameters(), fx.Spec));
    }

    [Theory]
    [InlineData("body.chestWidthMm", "-5", "$.body.chestWidthMm")]
    [InlineData("body.lengthMm", "\"long\"", "$.body.lengthMm")]
    [InlineData("colors.vest", "\"orange\"", "$.colors.vest")]
    [InlineData("stripe.bottomAboveHemMm", "10", "$.stripe.bottomAboveHemMm")]
    [InlineData("stripe.widthMm", "300", "$.stripe.widthMm")]
    [InlineData("lettering.russian", "\"Отдать долг обществу\"", "$.lettering.russian")]
    public void Load_names_the_file_and_the_json_path_of_a_bad_value(string property, string json, string expectedPath)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fx.SpecPath))!;
        var parts = property.Split('.');
        node[parts[0]]![parts[1]] = System.Text.Json.Nodes.JsonNode.Parse(json);
        var path = Path.Combine(Path.GetTempPath(), $"vest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, node.ToJsonString());
        try
        {
            var ex = Assert.Throws<DefinitionException>(() => VestSpec.Load(path));
            Assert.Contains(path, ex.Message);
            Assert.Contains(expectedPath, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_rejects_unknown_and_missing_members()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, File.ReadAllText(fx.SpecPath).Replace("\"chestWidthMm\"", "\"chestWidth\""));
        try
        {
            var ex = Assert.Throws<DefinitionException>(() => VestSpec.Load(path));
            Assert.Contains(path, ex.Message);
            Assert.Contains("$.body", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("view", "side")]
    [InlineData("color", "orange")]
    [InlineData("color", "#FF7A0")]
    [InlineData("color", "#111111")] // the lettering would not be legible
    [InlineData("color", "#C4C4C4")] // the stripe would not stand out
    [InlineData("stripeColor", "silver")]
    [InlineData("stripeColor", "#FF8000")]
    [InlineData("stripeWidthMm", "10")]
    [InlineData("stripeWidthMm", "150")]
    [InlineData("stripeWidthMm", "NaN")]
    [InlineData("stripePositionMm", "20")]
    [InlineData("stripePositionMm", "500")]
    [InlineData("letteringScale", "0.2")]
    [InlineData("letteringScale", "2")]
    [InlineData("letteringScale", "1.45")] // inside 0.5..1.5, but would not fit the back
    [InlineData("dimensions", "perhaps")]
    [InlineData("dpi", "50")]
    [InlineData("dpi", "1200")]
    [InlineData("dpi", "150.5")]
    public void Invalid_parameters_are_reported_under_their_name(string name, string value)
    {
        var p = VestParameters.FromStrings([new(name, value)], out var parseErrors);
        var errors = parseErrors.Count > 0 ? parseErrors : fx.Artwork.Validate(p);

        Assert.Equal([name], errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(errors[name].Code ?? errors[name].Literal));
        if (parseErrors.Count == 0)
        {
            var ex = Assert.Throws<ArgumentException>(() => fx.Exporter.Png(p));
            Assert.Contains(name, ex.Message);
        }
    }

    [Fact]
    public void Typed_values_out_of_range_are_reported_too()
    {
        Assert.Equal(["stripeWidthMm"], fx.Artwork.Validate(new VestParameters { StripeWidthMm = double.PositiveInfinity }).Keys);
        Assert.Equal(["dpi"], fx.Artwork.Validate(new VestParameters { Dpi = 71 }).Keys);
        Assert.Empty(fx.Artwork.Validate(new VestParameters { Dpi = 72, StripeWidthMm = 25, LetteringScale = 0.5, View = "back" }));
        // Codes are exact, as the schema's enum lists them.
        Assert.Equal(["view"], fx.Artwork.Validate(new VestParameters { View = "BACK" }).Keys);
        Assert.Equal(2, fx.Artwork.Validate(new VestParameters { View = "x", Dpi = 601 }).Count);
    }

    [Fact]
    public void A_wide_stripe_with_large_lettering_narrows_the_allowed_position()
    {
        Assert.Empty(fx.Artwork.Validate(new VestParameters { StripePositionMm = 280 }));
        var errors = fx.Artwork.Validate(new VestParameters { StripePositionMm = 280, StripeWidthMm = 100, LetteringScale = 1.1 });

        Assert.Equal(["stripePositionMm"], errors.Keys);
    }

    [Fact]
    public void Parameters_read_from_strings_report_unparseable_values_by_name()
    {
        var p = VestParameters.FromStrings(new Dictionary<string, string?>
        {
            ["view"] = "front",
            ["COLOR"] = "#00A000",
            ["stripeWidthMm"] = "wide",
            ["stripePositionMm"] = "150.5",
            ["letteringScale"] = "0.8",
            ["dimensions"] = "perhaps",
            ["dpi"] = "high",
            ["unrelated"] = "x",
        }, out var errors);

        Assert.Equal(3, errors.Count);
        Assert.True(errors.ContainsKey("stripeWidthMm") && errors.ContainsKey("dimensions") && errors.ContainsKey("dpi"));
        Assert.Equal("front", p.View);
        Assert.Equal("#00A000", p.Color);
        Assert.Equal(150.5, p.StripePositionMm);
        Assert.Equal(0.8, p.LetteringScale);
        Assert.Null(p.StripeWidthMm);
        Assert.Empty(fx.Artwork.Validate(p));

        var ok = VestParameters.FromStrings(new Dictionary<string, string?> { ["dimensions"] = "true", ["dpi"] = "96" }, out var none);
        Assert.Empty(none);
        Assert.True(ok.Dimensions);
        Assert.Equal(96, ok.Dpi);
    }

    [Fact]
    public void Size_depends_on_the_views_and_the_dimensions()
    {
        var both = fx.Artwork.SizeMm(new VestParameters());
        var front = fx.Artwork.SizeMm(new VestParameters { View = "front" });
        var dims = fx.Artwork.SizeMm(new VestParameters { Dimensions = true });
        var d = fx.Spec.Drawing;
        var view = (float)(fx.Spec.Body.ChestWidthMm / d.Scale);

        Assert.Equal(2 * d.MarginMm + 2 * view + d.GapMm, both.Width, 0.01);
        Assert.Equal(2 * d.MarginMm + view, front.Width, 0.01);
        Assert.True(dims.Width > both.Width && dims.Height > both.Height);
    }
}
