using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Benchmarks.Roslyn;
using Stagehand.Generators;

namespace Stagehand.Benchmarks;

/// <summary>
/// The contracts generator driven by <see cref="CSharpGeneratorDriver"/> over every file in <c>schemas/</c>, with the
/// namespaces Stagehand.Contracts.csproj gives them: a full run (a new driver), a re-run of a driver that has run once
/// after an unrelated C# edit, and a re-run after one schema file was edited.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    /// <summary>The schema edited in the third case; the same edit the generator's incrementality tests make.</summary>
    public const string EditedSchema = "v3/ServerCacheThreshold.schema.json";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private ImmutableArray<AdditionalText> _schemas;
    private OptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _ran = null!;
    private AdditionalText _original = null!;
    private AdditionalText _replacement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = SchemaInputs.Load();
        _options = SchemaInputs.OptionsFor(_schemas, "Stagehand.Contracts");
        var tree = CSharpSyntaxTree.ParseText(
            "namespace Stagehand.Contracts { public static class Marker { public static int Version => 1; } }", ParseOptions, path: "Marker.cs");
        _compilation = CSharpCompilation.Create(
            "Stagehand.Contracts",
            [tree],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.ReplaceSyntaxTree(
            tree,
            CSharpSyntaxTree.ParseText(
                "namespace Stagehand.Contracts { public static class Marker { public static int Version => 2; public static string Name => \"edited\"; } }", ParseOptions, path: "Marker.cs"));

        _original = _schemas.Single(file => file.Path.EndsWith(EditedSchema, StringComparison.Ordinal));
        var text = _original.GetText()!.ToString();
        var editedText = text.Replace("\"description\": \"", "\"description\": \"Edited. ", StringComparison.Ordinal);
        if (editedText == text)
        {
            throw new InvalidOperationException(EditedSchema + " has no description to edit.");
        }

        _replacement = new SchemaText(_original.Path, SourceText.From(editedText));

        var first = FullRun();
        var result = first.GetRunResult();
        if (result.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        if (result.GeneratedTrees.Length < _schemas.Length / 2)
        {
            throw new InvalidOperationException($"The generator made {result.GeneratedTrees.Length} files from {_schemas.Length} schemas.");
        }

        _ran = first;
        if (RerunAfterUnrelatedEdit().GetRunResult().GeneratedTrees.Length != result.GeneratedTrees.Length
            || RerunAfterSchemaEdit().GetRunResult().GeneratedTrees.Length != result.GeneratedTrees.Length)
        {
            throw new InvalidOperationException("A re-run produced a different set of files.");
        }
    }

    [Benchmark(Baseline = true, Description = "Full run")]
    public GeneratorDriver FullRun() =>
        CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], _schemas, ParseOptions, _options)
            .RunGenerators(_compilation);

    [Benchmark(Description = "Re-run, unrelated C# edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _ran.RunGenerators(_edited);

    [Benchmark(Description = "Re-run, one schema edited")]
    public GeneratorDriver RerunAfterSchemaEdit() => _ran.ReplaceAdditionalText(_original, _replacement).RunGenerators(_compilation);
}
