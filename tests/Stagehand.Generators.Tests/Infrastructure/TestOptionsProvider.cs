using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stagehand.Generators.Tests.Infrastructure;

/// <summary>Build properties and per-file metadata, as MSBuild would hand them to the generator.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
    : AnalyzerConfigOptionsProvider
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(None);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(perFile.TryGetValue(textFile.Path, out var options) ? options : None);

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
