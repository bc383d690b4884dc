using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>Each kind of broken schema gets an STH0004 at the right line and column, and nothing is generated from it.</summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public"
        """;

    public static TheoryData<string, string, int, int, string> BrokenSchemas => new()
    {
        // name, schema text, line, column (1-based) of the diagnostic, text the message must contain
        { "malformed JSON", "{\n  \"type\": \"object\",\n  \"properties\": {\n}", 4, 2, "not valid JSON" },
        { "trailing comma", "{\n  " + Header + ",\n  \"type\": \"string\",\n}", 5, 1, "not valid JSON" },
        { "comment", "{\n  // a comment\n  " + Header + "\n}", 2, 3, "not valid JSON" },
        { "unsupported keyword", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternProperties\": {}\n}", 5, 3, "'patternProperties' is not supported" },
        { "unknown keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minlength\": 1\n}", 5, 3, "Unknown keyword 'minlength'" },
        { "unknown extension", "{\n  " + Header + ",\n  \"x-stagehand-secret\": true\n}", 4, 3, "Unknown extension keyword 'x-stagehand-secret'" },
        { "missing visibility", "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"type\": \"string\"\n}", 1, 1, "does not state its visibility" },
        { "bad visibility", "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"x-stagehand-visibility\": \"secret\"\n}", 3, 29, "must be one of public, internal" },
        { "ref not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"../v9/Missing.schema.json\" }\n  }\n}", 6, 20, "/v9/Missing.schema.json" },
        { "ref pointer not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/nothing\" }\n  }\n}", 6, 20, "'#/$defs/nothing', which does not exist" },
        { "duplicate enum values", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"a\", \"b\", \"a\"]\n}", 5, 22, "\"a\" appears twice" },
        { "duplicate keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"type\": \"number\"\n}", 5, 3, "appears twice in one schema" },
        { "strictness contradiction", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-unknownMembers\": \"reject\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}", 1, 1, "needs \"additionalProperties\": false" },
        { "wrong dialect", "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"x-stagehand-visibility\": \"public\"\n}", 2, 14, "Only draft 2020-12" },
        { "invalid pattern", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"pattern\": \"(unclosed\"\n}", 5, 14, "not a valid regular expression" },
        { "items as array", "{\n  " + Header + ",\n  \"type\": \"array\",\n  \"items\": [{}]\n}", 5, 3, "'prefixItems'" },
        { "member name clash", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"model_name\": { \"type\": \"string\" },\n    \"modelName\": { \"type\": \"string\" }\n  }\n}", 7, 5, "map to the C# name 'ModelName'" },
        { "invalid type name", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-typeName\": \"not valid\"\n}", 5, 27, "not a valid C# identifier" },
        { "root only keyword nested", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"x-stagehand-persisted\": true } }\n}", 5, 26, "belongs on the schema root only" },
        { "schema not an object", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": 42 }\n}", 5, 24, "must be an object or a boolean" },
        { "required member can never exist", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"required\": [\"ghost\"],\n  \"properties\": {}\n}", 1, 1, "'ghost' is required but not declared" },
        { "discriminator without const", "{\n  " + Header + ",\n  \"oneOf\": [\n    { \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"a\" } }, \"required\": [\"kind\"] },\n    { \"type\": \"object\", \"x-stagehand-caseName\": \"Other\", \"properties\": { \"x\": { \"type\": \"string\" } } }\n  ],\n  \"x-stagehand-discriminator\": \"kind\"\n}", 6, 5, "no required string const member 'kind'" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void BrokenSchemaGetsPreciseDiagnostic(string name, string text, int line, int column, string message)
    {
        var result = GeneratorHarness.RunInline(("Broken.schema.json", text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("STH0004", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/inline/Broken.schema.json", span.Path);
        Assert.True(
            (line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{name}: expected ({line},{column}), got ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");
        Assert.Contains(message, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(result.GeneratedSources, source => source.HintName != "GeneratedContracts.g.cs");
    }

    [Fact]
    public void FileNameThatIsNotATypeNameIsReported()
    {
        var result = GeneratorHarness.RunInline(("my-widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("'my-widget' is not a valid C# type name", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void NumericEnumOutsideInt32IsReported()
    {
        var text = "{\n  " + Header + ",\n  \"type\": \"integer\",\n  \"enum\": [1, 4294967296],\n  \"x-stagehand-enumNames\": [\"One\", \"Huge\"]\n}";

        var result = GeneratorHarness.RunInline(("Level.schema.json", text));

        Assert.Contains("4294967296 of 'Level' is not a 32-bit integer", Assert.Single(result.Diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void MessageNamesTheKeyword()
    {
        var result = GeneratorHarness.RunInline(("Broken.schema.json", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"if\": {}\n}"));

        Assert.StartsWith("Invalid schema at 'if': ", Assert.Single(result.Diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void CrossFileReferenceResolvesAndABrokenFileDoesNotStopTheOthers()
    {
        var good = ("Good.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"status\": { \"$ref\": \"Status.schema.json\" } }\n}");
        var status = ("Status.schema.json", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"on\", \"off\"]\n}");
        var broken = ("Broken.schema.json", "{ \"type\": ");

        var result = GeneratorHarness.RunInline(good, status, broken);

        Assert.Equal(["GeneratedContracts.g.cs", "Good.g.cs", "Status.g.cs"], result.GeneratedSources.Select(s => s.HintName).OrderBy(h => h));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("/inline/Broken.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("global::Inline.Contracts.Status? Status", result.GeneratedSources.Single(s => s.HintName == "Good.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void CircularReferenceIsReportedNotFollowedForever()
    {
        var text = "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"$ref\": \"#/$defs/loop\" } },\n  \"$defs\": { \"loop\": { \"$ref\": \"#/$defs/loop\" } }\n}";

        var result = GeneratorHarness.RunInline(("Loop.schema.json", text));

        Assert.Contains(result.Diagnostics, d => d.Id == "STH0004" && d.GetMessage().Contains("leads back to itself", System.StringComparison.Ordinal));
    }

    [Fact]
    public void DeeplyNestedSchemaIsReportedNotOverflowed()
    {
        var depth = 5000;
        var text = "{\n  " + Header + ",\n  \"type\": \"array\", \"items\": " + string.Concat(Enumerable.Repeat("{ \"items\": ", depth)) + "{}" + new string('}', depth) + "\n}";

        var result = GeneratorHarness.RunInline(("Deep.schema.json", text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("not valid JSON", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void EverySchemaTruncatedAnywhereGivesDiagnosticsNeverAnException()
    {
        foreach (var file in GeneratorHarness.ProjectSchemas().Where((_, i) => i % 10 == 0))
        {
            for (var length = 0; length < file.Content.TrimEnd().Length; length += 13)
            {
                var result = GeneratorHarness.RunInline(("Cut.schema.json", file.Content[..length]));
                Assert.All(result.Diagnostics, d => Assert.Equal("STH0004", d.Id));
                Assert.NotEmpty(result.Diagnostics);
            }
        }
    }
}
