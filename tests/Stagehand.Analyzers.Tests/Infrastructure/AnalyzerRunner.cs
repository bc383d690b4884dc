using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stagehand.Analyzers.Tests.Infrastructure;

/// <summary>Runs analyzers over C# and schema files the way a build does, without the testing framework's exact matching.</summary>
internal static class AnalyzerRunner
{
    public const string SchemaRoot = "/inline/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Every analyzer in Stagehand.Analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static ImmutableArray<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Stagehand.Contracts.ContractTypeAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary>The project's own schemas, with the namespaces Stagehand.Contracts gives them.</summary>
    public static ImmutableArray<TestAdditionalText> ProjectSchemas() =>
        Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.schema.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new TestAdditionalText(path.Replace('\\', '/'), File.ReadAllText(path)))
            .ToImmutableArray();

    public static string NamespaceFor(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) switch
        {
            "v3" => "Stagehand.Contracts.V3",
            "v4" => "Stagehand.Contracts.V4",
            "internal" => "Stagehand.Contracts.Internal",
            _ => "Consumer.Contracts",
        };

    /// <summary>Runs over schema files given as (path below <see cref="SchemaRoot"/>, text), in namespace Consumer.Contracts.</summary>
    public static ImmutableArray<Diagnostic> RunInline(params (string Path, string Text)[] schemas) =>
        Run(schemas.Select(s => new TestAdditionalText(SchemaRoot + s.Path, s.Text)), string.Empty, AllAnalyzers());

    /// <summary>
    /// What a build shows for schema files given as (path below <see cref="SchemaRoot"/>, text): the generator's
    /// diagnostics and every analyzer's, together.
    /// </summary>
    public static ImmutableArray<Diagnostic> BuildInline(params (string Path, string Text)[] schemas)
    {
        var files = schemas.Select(s => (AdditionalText)new TestAdditionalText(SchemaRoot + s.Path, s.Text)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("Consumer", [], References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new Stagehand.Generators.ContractsGenerator().AsSourceGenerator()], files, ParseOptions, OptionsFor(files));
        var fromGenerator = driver.RunGenerators(compilation).GetRunResult().Diagnostics;
        return fromGenerator.AddRange(Run(files, string.Empty, AllAnalyzers()))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static TestOptionsProvider OptionsFor(ImmutableArray<AdditionalText> list, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        new(
            new Dictionary<string, string>(globalOptions ?? new Dictionary<string, string>()) { ["build_property.RootNamespace"] = "Consumer" },
            list.ToDictionary(
                f => f.Path,
                f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StagehandNamespace"] = NamespaceFor(f.Path) }));

    public static ImmutableArray<Diagnostic> Run(IEnumerable<AdditionalText> files, string source, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyDictionary<string, ReportDiagnostic>? severities = null, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var list = files.ToImmutableArray();
        var options = OptionsFor(list, globalOptions);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        if (severities is not null)
        {
            compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(severities);
        }

        var compilation = CSharpCompilation.Create(
            "Consumer",
            source.Length == 0 ? [] : [CSharpSyntaxTree.ParseText(source, ParseOptions, "/src/Consumer.cs")],
            References,
            compilationOptions);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The test source does not compile: " + string.Join(Environment.NewLine, errors));
        }

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(list.CastArray<AdditionalText>(), options));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
