using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// A broken schema generates nothing and never makes the generator throw (CS8785). The generator reports its problems
/// (STH0004) at their line and column, so a build shows them even when C# that uses the missing type fails to compile;
/// every other file still generates.
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
        { "misspelt keyword", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"patternPropertie\": {}\n}", 5, 3, "did you mean 'patternProperties'" },
        { "unknown keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minlength\": 1\n}", 5, 3, "Unknown keyword 'minlength': did you mean 'minLength'?" },
        { "unknown extension", "{\n  " + Header + ",\n  \"x-stagehand-secret\": true\n}", 4, 3, "Unknown extension keyword 'x-stagehand-secret'" },
        { "bad visibility", "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"x-stagehand-visibility\": \"secret\"\n}", 3, 29, "must be one of public, internal" },
        { "ref not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"../v9/Missing.schema.json\" }\n  }\n}", 6, 20, "/v9/Missing.schema.json" },
        { "ref pointer not found", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"$ref\": \"#/$defs/nothing\" }\n  }\n}", 6, 20, "'#/$defs/nothing', which does not exist" },
        { "duplicate enum values", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"a\", \"b\", \"a\"]\n}", 5, 22, "\"a\" appears twice" },
        { "duplicate keyword", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"type\": \"number\"\n}", 5, 3, "appears twice in one schema" },
        { "strictness contradiction", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-unknownMembers\": \"reject\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}", 1, 1, "needs \"additionalProperties\": false" },
        { "unsupported dialect", "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"x-stagehand-visibility\": \"public\"\n}", 2, 14, "The dialect 'http://json-schema.org/draft-04/schema#' is not supported" },
        { "invalid pattern", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"pattern\": \"(unclosed\"\n}", 5, 14, "not a valid regular expression" },
        { "negative minLength", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"minLength\": -1\n}", 5, 16, "'minLength' must be a non-negative integer" },
        { "contract version not a version", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-version\": \"1.x\"\n}", 5, 26, "must be a version MAJOR.MINOR.PATCH (such as 1.4.0), not '1.x'" },
        { "direction not a direction", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-direction\": \"outbound\"\n}", 5, 28, "'x-stagehand-direction' must be one of request, response, both" },
        { "required not an array", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"required\": \"a\"\n}", 5, 15, "'required' must be an array of strings" },
        { "dynamicRef to no anchor", "{\n  " + Header + ",\n  \"$dynamicRef\": \"#nowhere\"\n}", 4, 18, "names '#nowhere', which does not exist" },
        { "reference loop", "{\n  " + Header + ",\n  \"$ref\": \"#/$defs/a\",\n  \"$defs\": {\n    \"a\": { \"$ref\": \"#/$defs/b\" },\n    \"b\": { \"$ref\": \"#/$defs/a\" }\n  }\n}", 6, 20, "loops back without reading any member or item" },
        { "pattern in .NET syntax", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"pattern\": \"(?i)abc\"\n}", 5, 14, "is not an ECMA-262 regular expression" },
        { "items as array", "{\n  " + Header + ",\n  \"type\": \"array\",\n  \"items\": [{}]\n}", 5, 3, "'prefixItems'" },
        { "invalid type name", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"x-stagehand-typeName\": \"not valid\"\n}", 5, 27, "not a valid C# identifier" },
        { "root only keyword nested", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"x-stagehand-persisted\": true } }\n}", 5, 26, "belongs on the schema root only" },
        { "schema not an object", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": 42 }\n}", 5, 24, "must be an object or a boolean" },
        { "discriminator without const", "{\n  " + Header + ",\n  \"oneOf\": [\n    { \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"a\" } }, \"required\": [\"kind\"] },\n    { \"type\": \"object\", \"x-stagehand-caseName\": \"Other\", \"properties\": { \"x\": { \"type\": \"string\" } } }\n  ],\n  \"x-stagehand-discriminator\": \"kind\"\n}", 6, 5, "no required string const member 'kind'" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void BrokenSchemaGeneratesNothingAndTheModelLocatesTheProblem(string name, string text, int line, int column, string message)
    {
        var result = GeneratorHarness.RunInline(("Broken.schema.json", text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("STH0004", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/inline/Broken.schema.json", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
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
    public void FileNameThatIsNotATypeNameBecomesOne()
    {
        var file = ("my-widget.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}");
        var result = GeneratorHarness.RunInline(file);

        Assert.Empty(ModelProblems(file));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("public sealed partial record MyWidget", result.GeneratedSources.Single(s => s.HintName == "my-widget.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void MemberNamesThatCollideGetNumberedAndKeepTheirWireNames()
    {
        var file = ("Model.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": {\n    \"model_name\": { \"type\": \"string\" },\n    \"modelName\": { \"type\": \"string\" },\n    \"Validate\": { \"type\": \"string\" },\n    \"Model\": { \"type\": \"string\" }\n  }\n}");
        var result = GeneratorHarness.RunInline(file);

        Assert.Empty(result.Diagnostics);
        var code = result.GeneratedSources.Single(s => s.HintName == "Model.g.cs").SourceText.ToString();
        Assert.Contains("[global::Stagehand.Contracts.ContractMember(\"model_name\")]\n    public string? ModelName { get; init; }", code, System.StringComparison.Ordinal);
        Assert.Contains("[global::Stagehand.Contracts.ContractMember(\"modelName\")]\n    public string? ModelName2 { get; init; }", code, System.StringComparison.Ordinal);
        Assert.Contains("[global::Stagehand.Contracts.ContractMember(\"Validate\")]\n    public string? ValidateValue { get; init; }", code, System.StringComparison.Ordinal);
        Assert.Contains("[global::Stagehand.Contracts.ContractMember(\"Model\")]\n    public string? ModelValue { get; init; }", code, System.StringComparison.Ordinal);
    }

    /// <summary>The fuzzed sets that used to take every file down with "The generator failed on this set of schemas".</summary>
    public static TheoryData<string, string> FilesThatUsedToStopTheWholeSet => new()
    {
        { "enum names short", "\"type\": \"string\", \"enum\": [\"red\", \"green\", \"blue\"], \"x-stagehand-enumNames\": [\"Red\", \"Green\"]" },
        { "members collide after PascalCasing", "\"type\": \"object\", \"properties\": { \"FOO_BAR\": { \"anyOf\": [{ \"type\": \"string\" }, { \"type\": \"integer\" }] }, \"foo-bar\": { \"anyOf\": [{ \"type\": \"string\" }, { \"type\": \"integer\" }] } }" },
        { "integer enum of only null", "\"type\": \"object\", \"properties\": { \"level\": { \"type\": \"integer\", \"enum\": [null] } }" },
    };

    [Theory]
    [MemberData(nameof(FilesThatUsedToStopTheWholeSet))]
    public void OneBadFileNeverBlanksTheOthers(string name, string body)
    {
        var bad = ("Bad.schema.json", "{\n  " + Header + ",\n  " + body + "\n}");
        var good = ("Good.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}");

        var result = GeneratorHarness.RunInline(bad, good);

        Assert.Contains(result.GeneratedSources, s => s.HintName == "Good.g.cs");
        Assert.All(result.Diagnostics, d => Assert.Equal("/inline/Bad.schema.json", d.Location.GetLineSpan().Path));
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("generator failed", System.StringComparison.Ordinal));
        Assert.True(result.Diagnostics.Length > 0 || result.GeneratedSources.Any(s => s.HintName == "Bad.g.cs"), name + ": the bad file neither generated nor was explained");
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

        Assert.Equal(["GeneratedContracts.g.cs", "Good.g.cs", "Good.Reader.g.cs", "Status.g.cs", "Status.Reader.g.cs"], result.GeneratedSources.Select(s => s.HintName).OrderBy(h => h));
        Assert.Equal("/inline/Broken.schema.json", Assert.Single(result.Diagnostics).Location.GetLineSpan().Path);
        Assert.Equal("/inline/Broken.schema.json", Assert.Single(ModelProblems(good, status, broken)).Location.FilePath);
        Assert.Contains("global::Inline.Contracts.Status? Status", result.GeneratedSources.Single(s => s.HintName == "Good.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ALowerCaseFileStemGivesACapitalizedTypeThatCompilesWithoutWarnings()
    {
        // Real-world files are often named in lower case (tree.json): C# warns about all-lower-case type names (CS8981).
        var result = GeneratorHarness.RunInline(("tree.schema.json", "{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", \"properties\": { \"leaf\": { \"type\": \"string\" } } }"));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(GeneratorHarness.CompileAndLoad(result).GetType(GeneratorHarness.InlineNamespace + ".Tree"));
    }

    [Fact]
    public void CircularReferenceIsReportedNotFollowedForever()
    {
        var text = "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"$ref\": \"#/$defs/loop\" } },\n  \"$defs\": { \"loop\": { \"$ref\": \"#/$defs/loop\" } }\n}";

        var result = GeneratorHarness.RunInline(("Loop.schema.json", text));

        Assert.Empty(result.GeneratedSources);
        Assert.Contains(ModelProblems(("Loop.schema.json", text)), p => p.Message.Contains("loops back without reading any member or item", System.StringComparison.Ordinal));
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

    [Fact]
    public void AFileThatRefersToABrokenFileIsExplainedAtItsRef()
    {
        var broken = ("Status.schema.json", "{\n  " + Header + ",\n  \"type\": \"string\",\n  \"enum\": [\"on\", \"off\"],\n  \"x-stagehand-enumNames\": [\"On\"]\n}");
        var user = ("Device.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"status\": { \"$ref\": \"Status.schema.json\" } }\n}");
        var other = ("Other.schema.json", "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}");

        var result = GeneratorHarness.RunInline(broken, user, other);

        Assert.Equal(["GeneratedContracts.g.cs", "Other.g.cs", "Other.Reader.g.cs"], result.GeneratedSources.Select(s => s.HintName).OrderBy(h => h));
        var atRef = Assert.Single(result.Diagnostics, d => d.Location.GetLineSpan().Path == "/inline/Device.schema.json");
        Assert.Equal(4, atRef.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("leads to 'Status.schema.json', which has problems of its own", atRef.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.Location.GetLineSpan().Path == "/inline/Status.schema.json");
    }

    [Fact]
    public void ARootWithoutVisibilityIsPublicUnlessTheProjectSaysInternal()
    {
        const string text = "{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}";
        var files = new[] { new TestAdditionalText("/inline/Plain.schema.json", text) };

        var byDefault = GeneratorHarness.Run(files, Options(null));
        var internalByDefault = GeneratorHarness.Run(files, Options("internal"));
        var wrong = GeneratorHarness.Run(files, Options("secret"));

        Assert.Empty(byDefault.Diagnostics);
        Assert.Contains("ContractVisibility.Public", byDefault.GeneratedSources.Single(s => s.HintName == "Plain.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Empty(internalByDefault.Diagnostics);
        Assert.Contains("ContractVisibility.Internal", internalByDefault.GeneratedSources.Single(s => s.HintName == "Plain.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("StagehandDefaultVisibility property 'secret' must be 'public' or 'internal'", Assert.Single(wrong.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

        static TestOptionsProvider Options(string? visibility)
        {
            var global = new System.Collections.Generic.Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Inline.Contracts" };
            if (visibility is not null)
            {
                global["build_property.StagehandDefaultVisibility"] = visibility;
            }

            return new TestOptionsProvider(global, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.IReadOnlyDictionary<string, string>>());
        }
    }

    [Fact]
    public void AnnotationsAndUnknownKeywordsAreReadAndIgnoredButAMisspeltKeywordIsNot()
    {
        var annotated = ("Annotated.schema.json", """
            {
              "type": "object",
              "title": "Annotated",
              "example": { "a": "x" },
              "markdownDescription": "**bold**",
              "x-vendor-hint": { "any": ["thing"] },
              "tsType": "Record<string, unknown>",
              "errorMessage": "custom",
              "properties": {
                "a": { "type": "string", "contentEncoding": "base64", "contentMediaType": "image/png", "contentSchema": { "type": "string" }, "example": "x" }
              }
            }
            """);
        var misspelt = ("Misspelt.schema.json", "{\n  \"type\": \"string\",\n  \"maxLenght\": 3\n}");

        var result = GeneratorHarness.RunInline(annotated, misspelt);

        Assert.Contains(result.GeneratedSources, s => s.HintName == "Annotated.g.cs");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("/inline/Misspelt.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("did you mean 'maxLength'?", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonFileThatIsNotASchemaGetsOneProblemAtItsRoot()
    {
        var settings = string.Join(",\n", Enumerable.Range(0, 60).Select(i => $"    \"option{i}\": 42"));
        var config = ("settings.schema.json", "{\n  \"properties\": {\n" + settings + "\n  }\n}");
        var other = ("Good.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}");

        var result = GeneratorHarness.RunInline(config, other);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("This file does not read as a JSON Schema: 60 problems", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Good.g.cs");
    }
}
