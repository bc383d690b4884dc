using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Rules;
using Stagehand.Generators;

namespace Stagehand.Contracts.Cli.Checking;

/// <summary>
/// Runs the rules a build runs over schema files, with the build's own code: the generator (which reports STH0004 for
/// every schema it could not generate) and every Stagehand analyzer, hosted over a compilation that has the schema
/// files and no C#. So <c>check</c> reports exactly what <c>dotnet build</c> reports in schema files: STH0001 on a
/// public schema's <c>$ref</c>, STH0002, STH0004, STH0005, STH0006, STH0013 (with its default terms: the tool reads no
/// global config), and whatever rule is added next.
/// </summary>
internal static class SchemaRules
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(LoadAnalyzers);

    /// <summary>Every rule the tool can report, in id order, for SARIF's rule table.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers.Value
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The diagnostics a build would report in <paramref name="files"/>.</summary>
    public static ImmutableArray<Diagnostic> Run(SchemaFiles files, CancellationToken cancellationToken = default)
    {
        if (files.Texts.IsEmpty)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var compilation = CSharpCompilation.Create(
            "StagehandSchemaCheck",
            syntaxTrees: [],
            references: [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var driver = CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            files.Texts,
            parseOptions: null,
            optionsProvider: files.Options);
        var generated = driver.RunGenerators(compilation, cancellationToken).GetRunResult();
        var fromGenerator = generated.Diagnostics;
        if (generated.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException("The Stagehand generator failed: " + exception.Message, exception);
        }

        var withAnalyzers = compilation.WithAnalyzers(
            Analyzers.Value,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files.Texts, files.Options),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var fromAnalyzers = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        return fromGenerator.AddRange(fromAnalyzers).Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
    }

    /// <summary>Every analyzer in the Stagehand.Analyzers assembly, as a build loads them.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers() =>
        typeof(InvalidSchemaAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
