using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;

namespace Stagehand.Generators.Tests;

/// <summary>
/// The shared reader keeps what a schema shows its readers, each string with its place: the <c>title</c>, the
/// <c>description</c> and every string inside <c>examples</c> (member names are not texts), and where its JSON string
/// token is, so that a rule can point into it.
/// </summary>
public sealed class SchemaTextsTests
{
    private const string Text = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": {
            "code": {
              "type": "string",
              "description": "Say \"hi\" \u00e9",
              "examples": ["AB", { "label": ["x", 3, "y"], "n": null }, true]
            },
            "customer": { "$ref": "#/definitions/Customer", "title": "Customer, ignored by draft 7 but still written" }
          },
          "definitions": { "Customer": { "type": "object" } }
        }
        """;

    [Fact]
    public void TitlesDescriptionsAndExampleStringsAreKeptWithTheirTokens()
    {
        var source = SourceText.From(Text);
        var root = SchemaReader.Read("/texts/Order.schema.json", "Texts", source).Root!;

        var texts = SchemaWalker.DescendantsAndSelf(root).SelectMany(node => node.Texts).ToList();

        Assert.Equal(
            [
                ("title", "/title", "Order", "\"Order\""),
                ("description", "/properties/code/description", "Say \"hi\" é", "\"Say \\\"hi\\\" \\u00e9\""),
                ("examples", "/properties/code/examples/0", "AB", "\"AB\""),
                ("examples", "/properties/code/examples/1/label/0", "x", "\"x\""),
                ("examples", "/properties/code/examples/1/label/2", "y", "\"y\""),
                ("title", "/properties/customer/title", "Customer, ignored by draft 7 but still written", "\"Customer, ignored by draft 7 but still written\""),
            ],
            texts.Select(t => (t.Keyword, t.Pointer, t.Value, source.ToString(t.Location.Span))));

        // Draft 7 ignores a $ref's siblings: the title names nothing, but the text stays for whoever reads the file.
        Assert.Null(root.Properties.Single(p => p.Name == "customer").Schema.Title);
    }
}
