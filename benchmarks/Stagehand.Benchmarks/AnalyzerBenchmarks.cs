using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Benchmarks.Roslyn;

namespace Stagehand.Benchmarks;

/// <summary>
/// Every Stagehand analyzer over a synthetic compilation of 2,000 types that uses Stagehand.Contracts, with the
/// repository's schemas as additional files (<c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c>: the compiler's
/// diagnostics and the analyzers'), against the same compilation alone (<c>Compilation.GetDiagnostics</c>). Each
/// operation makes a new compilation from the same parsed trees, so nothing bound is reused.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private AnalyzerOptions _analyzerOptions = null!;

    /// <summary>Every concrete C# <see cref="DiagnosticAnalyzer"/> in Stagehand.Analyzers.dll, or why there is none.</summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, string? Problem) LoadAnalyzers()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load("Stagehand.Analyzers");
        }
        catch (Exception exception) when (exception is System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
        {
            return (ImmutableArray<DiagnosticAnalyzer>.Empty, "Stagehand.Analyzers.dll is not beside the benchmarks (src/Stagehand.Analyzers is absent): " + exception.Message);
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = exception.Types.Where(type => type is not null).ToArray()!;
        }

        var analyzers = types
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))
                && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        return analyzers.IsEmpty
            ? (analyzers, "Stagehand.Analyzers.dll holds no C# DiagnosticAnalyzer.")
            : (analyzers, null);
    }

    // The inputs and their checks are made once per process: the in-process quick run sets up each benchmark in turn.
    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer>, ImmutableArray<SyntaxTree>, ImmutableArray<MetadataReference>, AnalyzerOptions)> Inputs =
        new(CreateInputs, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    [GlobalSetup]
    public void Setup() => (_analyzers, _trees, _references, _analyzerOptions) = Inputs.Value;

    private static (ImmutableArray<DiagnosticAnalyzer>, ImmutableArray<SyntaxTree>, ImmutableArray<MetadataReference>, AnalyzerOptions) CreateInputs()
    {
        var (analyzers, problem) = LoadAnalyzers();
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        var trees = SyntheticProject.Parse(ParseOptions);
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Stagehand.Contracts.ContractTypeAttribute).Assembly.Location))
            .ToImmutableArray();
        var schemas = SchemaInputs.Load();
        var options = new AnalyzerOptions(schemas, SchemaInputs.OptionsFor(schemas, "Consumer"));

        // One run with the analyzers checks both sides: the compiler's diagnostics are in it too.
        var diagnostics = WithAnalyzersDiagnostics(trees, references, analyzers, options);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("STH", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic compilation does not compile: " + string.Join("\n", errors.Take(5)));
        }

        var reported = diagnostics.Where(d => d.Id.StartsWith("STH", StringComparison.Ordinal) || d.Id == "AD0001").ToList();
        if (reported.Count > 0)
        {
            throw new InvalidOperationException("The analyzers report on the clean synthetic project: " + string.Join("\n", reported.Take(5)));
        }

        // And the analyzers are live: a drifting mirror in a small compilation of its own is reported.
        var drift = CSharpSyntaxTree.ParseText(
            "namespace Probe; [Stagehand.Contracts.MirrorsContract(typeof(Stagehand.Contracts.V4.LLMProviderOptions))] public sealed record Drift { public bool? Temperature { get; init; } }",
            ParseOptions);
        var live = Compilation([drift], references)
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!live.Any(d => d.Id == "STH0003"))
        {
            throw new InvalidOperationException("The analyzers did not report a drifting [MirrorsContract] type: " + string.Join("\n", live.Take(5)));
        }

        // Roslyn is a large IL-only assembly: its first compilations run tier-0 code. Run the other side once more too,
        // so that neither benchmark pays for the other's JIT (BenchmarkDotNet's own warm-up is one round in --quick).
        _ = Compilation(trees, references).GetDiagnostics();
        _ = WithAnalyzersDiagnostics(trees, references, analyzers, options);

        return (analyzers, trees, references, options);
    }

    [Benchmark(Baseline = true, Description = "Compilation alone")]
    public int CompilationAlone() => Compilation(_trees, _references).GetDiagnostics().Length;

    [Benchmark(Description = "Compilation + all analyzers")]
    public int WithAnalyzers() => WithAnalyzersDiagnostics(_trees, _references, _analyzers, _analyzerOptions).Length;

    private static ImmutableArray<Diagnostic> WithAnalyzersDiagnostics(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options) =>
        Compilation(trees, references)
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    private static CSharpCompilation Compilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
