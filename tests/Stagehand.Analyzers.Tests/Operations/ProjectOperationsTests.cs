using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>The repository's own operations files are clean under every rule, and still trip the rules when broken.</summary>
public sealed class ProjectOperationsTests
{
    private static readonly string[] Names = ["llms.operations.json", "browsersession.operations.json"];

    [Fact]
    public void TheRepositoryHasTheV4OperationsFiles() =>
        Assert.Equal(
            Names.OrderBy(n => n, StringComparer.Ordinal),
            Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.operations.json", SearchOption.AllDirectories).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

    [Fact]
    public void ProjectOperationsProduceNoDiagnosticFromAnyRule()
    {
        var diagnostics = AnalyzerRunner.Run(AnalyzerRunner.ProjectSchemas().Concat(Operations()), string.Empty, AnalyzerRunner.AllAnalyzers());

        Assert.True(diagnostics.IsEmpty, AnalyzerRunner.Describe(diagnostics));
    }

    [Fact]
    public void ProjectOperationsStillTripTheRulesWhenBroken()
    {
        // A guard against a vacuous pass: getLLM loses its error responses (STH0014), and updateLLM takes the internal
        // row instead of its request and calls its parameter llmId (STH0015 twice: the internal contract, and the path's
        // {id} that is no longer declared, plus the llmId that is not in the path).
        var operations = Operations().Select(file => file.Path.EndsWith("/llms.operations.json", StringComparison.Ordinal)
            ? new TestAdditionalText(file.Path, BreakLlms(file.GetText().ToString()))
            : file);

        var diagnostics = AnalyzerRunner.Run(AnalyzerRunner.ProjectSchemas().Concat(operations), string.Empty, AnalyzerRunner.AllAnalyzers());

        Assert.Equal(["STH0014", "STH0015", "STH0015", "STH0015"], diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.EndsWith("/v4/llms.operations.json", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
    }

    [Fact]
    public void TheRulesNeverFailOnEditedOperationsFiles()
    {
        // What the reader survives, the rules survive too: an analyzer that throws shows as AD0001.
        var schemas = AnalyzerRunner.ProjectSchemas();
        var texts = Operations().Select(file => file.GetText().ToString()).ToArray();
        var analyzers = ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new OperationWiringBrokenAnalyzer(), new OperationWithoutDocumentedErrorsAnalyzer());
        Gen.Select(Gen.Int[0, texts.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.OneOf("", "{", "}", "\"", "[1]", "\"x\": 1,", "\"GET\"", "{id}", "404", "\"$ref\": \"../internal/LLMCall.schema.json\","))
            .Sample(
                (file, at, length, insert) =>
                {
                    var text = texts[file];
                    var start = at % text.Length;
                    var edited = text.Remove(start, Math.Min(length, text.Length - start)).Insert(start, insert);
                    var diagnostics = AnalyzerRunner.Run(schemas.Append(new TestAdditionalText(RepositoryPaths.Schemas.Replace('\\', '/') + "/v4/edited.operations.json", edited)), string.Empty, analyzers);
                    Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AD", StringComparison.Ordinal));
                },
                iter: 40);
    }

    private static ImmutableArray<TestAdditionalText> Operations() =>
        Names.Select(name => Path.Combine(RepositoryPaths.Schemas, "v4", name))
            .Select(path => new TestAdditionalText(path.Replace('\\', '/'), File.ReadAllText(path)))
            .ToImmutableArray();

    private static string BreakLlms(string text)
    {
        var getLlm = text.IndexOf("\"getLLM\"", StringComparison.Ordinal);
        var update = text.IndexOf("\"updateLLM\"", StringComparison.Ordinal);
        var onlySuccess = System.Text.RegularExpressions.Regex.Replace(
            text[getLlm..update],
            "\"responses\": \\{.*?\\n      \\}",
            "\"responses\": { \"200\": { \"$$ref\": \"LLMResponse.schema.json\" } }",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        var broken = text[..getLlm] + onlySuccess + text[update..];
        var updateAt = broken.IndexOf("\"updateLLM\"", StringComparison.Ordinal);
        return broken[..updateAt] + broken[updateAt..]
            .Replace("\"LLMUpdateRequest.schema.json\"", "\"../internal/InternalLLMConfig.schema.json\"", StringComparison.Ordinal)
            .ReplaceFirst("\"pathParameters\": { \"id\"", "\"pathParameters\": { \"llmId\"");
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string old, string @new)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + @new + text[(at + old.Length)..];
    }
}
