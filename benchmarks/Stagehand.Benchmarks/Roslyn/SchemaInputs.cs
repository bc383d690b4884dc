using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Benchmarks.Baselines;

namespace Stagehand.Benchmarks.Roslyn;

/// <summary>A schema file handed to the generator or the analyzers, as MSBuild's AdditionalFiles would.</summary>
internal sealed class SchemaText(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>The repository's schemas, with the StagehandNamespace metadata that Stagehand.Contracts.csproj gives them.</summary>
internal static class SchemaInputs
{
    // The keys MSBuild's CompilerVisibleItemMetadata / CompilerVisibleProperty produce.
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.StagehandNamespace";
    public const string RootNamespaceProperty = "build_property.RootNamespace";

    public static ImmutableArray<AdditionalText> Load()
    {
        var root = SchemaBundler.SchemasFolder;
        return Directory.EnumerateFiles(root, "*.schema.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new SchemaText(path.Replace('\\', '/'), SourceText.From(File.ReadAllText(path))))
            .ToImmutableArray();
    }

    public static string NamespaceFor(string path) =>
        System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) switch
        {
            "v3" => "Stagehand.Contracts.V3",
            "v4" => "Stagehand.Contracts.V4",
            "internal" => "Stagehand.Contracts.Internal",
            _ => "Stagehand.Contracts",
        };

    public static OptionsProvider OptionsFor(IEnumerable<AdditionalText> files, string rootNamespace) =>
        new(
            new Dictionary<string, string> { [RootNamespaceProperty] = rootNamespace },
            files.ToDictionary(
                file => file.Path,
                file => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [NamespaceMetadata] = NamespaceFor(file.Path) },
                StringComparer.Ordinal));
}

/// <summary>Build properties and per-file metadata, as MSBuild hands them to generators and analyzers.</summary>
internal sealed class OptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
    : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions None = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var options) ? new DictionaryOptions(options) : None;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
