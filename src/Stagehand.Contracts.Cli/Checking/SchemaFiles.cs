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
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Contracts.Cli.Checking;

/// <summary>
/// Schema files on disk, handed to the generator and the analyzers the way a build hands them its
/// <c>AdditionalFiles</c>: each with the <c>StagehandNamespace</c> metadata a build would give it.
/// </summary>
internal sealed class SchemaFiles
{
    private SchemaFiles(string root, ImmutableArray<AdditionalText> texts, string rootNamespace)
    {
        Root = root;
        Texts = texts;
        Options = new OptionsProvider(
            new ConfigOptions(new Dictionary<string, string> { [SchemaFileSettings.RootNamespaceProperty] = rootNamespace }),
            texts.ToDictionary(
                text => text.Path,
                text => new ConfigOptions(new Dictionary<string, string> { [SchemaFileSettings.NamespaceMetadata] = NamespaceFor(root, text.Path, rootNamespace) }),
                StringComparer.Ordinal));
    }

    /// <summary>The folder the namespaces are counted from.</summary>
    public string Root { get; }

    public ImmutableArray<AdditionalText> Texts { get; }

    public AnalyzerConfigOptionsProvider Options { get; }

    /// <summary>How many of <see cref="Texts"/> are operations files (<c>*.operations.json</c>); the rest are schema files.</summary>
    public int OperationsCount => Texts.Count(text => OperationsFormat.IsOperationsFile(text.Path));

    /// <summary>
    /// Every <c>*.schema.json</c> below <paramref name="root"/>, in path order; with <paramref name="withOperations"/>, every
    /// <c>*.operations.json</c> too (a build's analyzers check them against the schemas).
    /// </summary>
    public static SchemaFiles Below(string root, string rootNamespace, bool withOperations = false)
    {
        var full = Path.GetFullPath(root);
        var texts = Directory.EnumerateFiles(full, "*.json", SearchOption.AllDirectories)
            .Where(path => SchemaPaths.IsSchemaFile(path) || (withOperations && OperationsFormat.IsOperationsFile(path)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new FileText(path))
            .ToImmutableArray();
        return new SchemaFiles(full, texts, rootNamespace);
    }

    /// <summary>
    /// The namespace of a file's types: <paramref name="rootNamespace"/> plus one PascalCase segment per folder below
    /// <paramref name="root"/> (<c>v3/ActRequest.schema.json</c> → <c>Stagehand.Contracts.V3</c>), so that files in
    /// different folders do not clash over type names, as in the real build.
    /// </summary>
    public static string NamespaceFor(string root, string file, string rootNamespace)
    {
        var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file) ?? root);
        if (folder == ".")
        {
            return rootNamespace;
        }

        var segments = folder
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => Identifiers.ToIdentifier(Identifiers.ToPascalCase(segment, "N"), "N"));
        return rootNamespace + "." + string.Join(".", segments);
    }

    /// <summary>A file read when asked; one that cannot be read has no text, which the reader reports as a problem.</summary>
    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                return SourceText.From(File.ReadAllText(Path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    private sealed class ConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class OptionsProvider(ConfigOptions global, Dictionary<string, ConfigOptions> perFile) : AnalyzerConfigOptionsProvider
    {
        private static readonly ConfigOptions None = new([]);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            perFile.TryGetValue(textFile.Path, out var options) ? options : None;
    }
}
