using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Every example in <c>docs/schema-dialect.md</c> ("Constructs by example") is generated and compiled, and each C# line
/// the page shows is in the output: the page says what the generator does, not what it once did.
/// </summary>
public sealed partial class DocsExamplesTests
{
    private static readonly string Page = Path.Combine(TestRepository.Root, "docs", "schema-dialect.md");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Read())
        {
            data.Add(example.File);
        }

        return data;
    }

    [Fact]
    public void ThePageHasAnExampleOfEachConstruct()
    {
        Assert.True(Read().Count >= 10, "expected an example per construct on " + Page);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleGeneratesWhatThePageShows(string file)
    {
        var example = Read().Single(e => e.File == file);
        var result = GeneratorHarness.RunInline(example.Metadata, (example.File, example.Schema));

        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        GeneratorHarness.CompileAndLoad(result);
        var generated = result.GeneratedSources
            .SelectMany(s => s.SourceText.ToString().Split('\n'))
            .Select(Plain)
            .ToHashSet(StringComparer.Ordinal);
        var missing = example.CSharp.Where(line => !generated.Contains(line)).ToList();
        Assert.True(
            missing.Count == 0,
            "not generated:\n" + string.Join("\n", missing) + "\n\ngenerated declarations:\n"
                + string.Join("\n", generated.Where(l => l.StartsWith("public ", StringComparison.Ordinal) || l.StartsWith('['))));
    }

    /// <summary>A generated line as the page writes it: trimmed, without <c>global::</c> and the namespaces it names.</summary>
    private static string Plain(string line) => line.Trim()
        .Replace("global::Stagehand.Contracts.", string.Empty, StringComparison.Ordinal)
        .Replace("global::" + GeneratorHarness.InlineNamespace + ".", string.Empty, StringComparison.Ordinal)
        .Replace("global::System.", string.Empty, StringComparison.Ordinal);

    private sealed record Example(string File, IReadOnlyDictionary<string, string> Metadata, string Schema, IReadOnlyList<string> CSharp);

    /// <summary>
    /// The examples: an <c>&lt;!-- example: FILE [Name=value ...] --&gt;</c> marker (the file name, then item metadata),
    /// a <c>json</c> block (the schema), then a <c>csharp</c> block (lines the output must hold).
    /// </summary>
    private static List<Example> Read()
    {
        var text = File.ReadAllText(Page).Replace("\r\n", "\n", StringComparison.Ordinal);
        return ExamplePattern().Matches(text).Select(match =>
        {
            var words = match.Groups["marker"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var metadata = words.Skip(1).Select(w => w.Split('=', 2)).ToDictionary(p => "build_metadata.AdditionalFiles." + p[0], p => p[1], StringComparer.Ordinal);
            var lines = match.Groups["csharp"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            return new Example(words[0], metadata, match.Groups["json"].Value, lines);
        }).ToList();
    }

    [GeneratedRegex(@"<!-- example: (?<marker>[^>]+?) -->\n```json\n(?<json>.*?)```\n\n```csharp\n(?<csharp>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();
}
