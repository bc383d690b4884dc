using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// A broken schema generates nothing and never makes the generator throw (CS8785). The generator reports its every
/// problem as STH0004 at the right line and column, as the shared model finds it; both are checked here.
/// </summary>
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
    public void BrokenSchemaGeneratesNothingAndTheModelLocatesTheProblem(string name, string text, int line, int column, string message)
    {
        var result = GeneratorHarness.RunInline(("Broken.schema.json", text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("STH0004", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/inline/Broken.schema.json", span.Path);
        Assert.True(
            (line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{name}: the diagnostic is at ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}), expected ({line},{column}): {diagnostic}");
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
        var problem = Assert.Single(ModelProblems(("Broken.schema.json", text)));
        Assert.Equal("/inline/Broken.schema.json", problem.Location.FilePath);
        Assert.True(
            (line, column) == (problem.Location.StartLine + 1, problem.Location.StartCharacter + 1),
            $"{name}: expected ({line},{column}), got ({problem.Location.StartLine + 1},{problem.Location.StartCharacter + 1}): {problem.Message}");
        Assert.Contains(message, problem.Message, System.StringComparison.Ordinal);
    }

    /// <summary>What the shared reader and model find in a set of inline schema files.</summary>
    private static System.Collections.Generic.List<Stagehand.Schema.SchemaProblem> ModelProblems(params (string Path, string Text)[] files)
    {
        var documents = files
            .Select(f => Stagehand.Schema.SchemaReader.ReadFile(
                "/inline/" + f.Path,
                Stagehand.Schema.SchemaFileSettings.Resolve(null, null, "Inline.Contracts"),
                Microsoft.CodeAnalysis.Text.SourceText.From(f.Text)))
            .ToImmutableArray();
        return Stagehand.Schema.ContractModelBuilder.Build(documents).SelectMany(r => r.Problems).ToList();
    }

    [Fact]
    public void FileNameThatIsNotATypeNameIsReported()
    {
        var file = ("my-widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}");
        var result = GeneratorHarness.RunInline(file);

        var problem = Assert.Single(ModelProblems(file));
        Assert.Contains("'my-widget' is not a valid C# type name", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(0, problem.Location.StartLine);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void NumericEnumOutsideInt32IsReported()
    {
        var text = "{\n  " + Header + ",\n  \"type\": \"integer\",\n  \"enum\": [1, 4294967296],\n  \"x-stagehand-enumNames\": [\"One\", \"Huge\"]\n}";

        Assert.Contains("4294967296 of 'Level' is not a 32-bit integer", Assert.Single(ModelProblems(("Level.schema.json", text))).Message, System.StringComparison.Ordinal);
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
        Assert.Equal(("STH0004", "/inline/Broken.schema.json"), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path));
        Assert.Equal("/inline/Broken.schema.json", Assert.Single(ModelProblems(good, status, broken)).Location.FilePath);
        Assert.Contains("global::Inline.Contracts.Status? Status", result.GeneratedSources.Single(s => s.HintName == "Good.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void CircularReferenceIsReportedNotFollowedForever()
    {
        var text = "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"$ref\": \"#/$defs/loop\" } },\n  \"$defs\": { \"loop\": { \"$ref\": \"#/$defs/loop\" } }\n}";

        var result = GeneratorHarness.RunInline(("Loop.schema.json", text));

        Assert.Empty(result.GeneratedSources);
        Assert.Contains(ModelProblems(("Loop.schema.json", text)), p => p.Message.Contains("leads back to itself", System.StringComparison.Ordinal));
    }

    [Fact]
    public void DeeplyNestedSchemaIsReportedNotOverflowed()
    {
        var depth = 5000;
        var text = "{\n  " + Header + ",\n  \"type\": \"array\", \"items\": " + string.Concat(Enumerable.Repeat("{ \"items\": ", depth)) + "{}" + new string('}', depth) + "\n}";

        var result = GeneratorHarness.RunInline(("Deep.schema.json", text));

        Assert.Empty(result.GeneratedSources);
        var problem = Assert.Single(ModelProblems(("Deep.schema.json", text)));
        Assert.Contains("not valid JSON", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, problem.Location.StartLine);
    }

    [Fact]
    public void EverySchemaTruncatedAnywhereGivesDiagnosticsNeverAnException()
    {
        foreach (var file in GeneratorHarness.ProjectSchemas().Where((_, i) => i % 10 == 0))
        {
            for (var length = 0; length < file.Content.TrimEnd().Length; length += 13)
            {
                var result = GeneratorHarness.RunInline(("Cut.schema.json", file.Content[..length]));
                Assert.NotEmpty(result.Diagnostics);
                Assert.All(result.Diagnostics, d => Assert.Equal("STH0004", d.Id));
                Assert.Empty(result.GeneratedSources);
                Assert.NotEmpty(ModelProblems(("Cut.schema.json", file.Content[..length])));
            }
        }
    }
}
