using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Stagehand.Analyzers.Tests.Infrastructure;

/// <summary>The test setup every markup test shares: .NET 10 reference assemblies from Basic.Reference.Assemblies (no download) and Stagehand.Contracts.</summary>
internal static class TestSetup
{
    public static readonly ReferenceAssemblies ReferenceAssemblies = new("net10.0");

    /// <summary>
    /// Adds the schema files and a global config that gives them the namespaces a build would; <paramref name="globalOptions"/>
    /// (lines such as <c>stagehand_infrastructure_terms = AcmeBus</c>) go into its global section.
    /// </summary>
    public static void Apply(SolutionState state, IEnumerable<(string Path, string Text)> schemas, string globalOptions = "")
    {
        if (state.Sources.Count == 0)
        {
            // The framework needs one C# file even when a test is about schema files only.
            state.Sources.Add(("/0/Empty.cs", "namespace Consumer;\n"));
        }

        state.ReferenceAssemblies = ReferenceAssemblies;
        state.AdditionalReferences.AddRange(AnalyzerRunner.References);
        var config = new StringBuilder("is_global = true\nbuild_property.RootNamespace = Consumer\n").Append(globalOptions);
        foreach (var (path, text) in schemas)
        {
            state.AdditionalFiles.Add((path, text));
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.StagehandNamespace = ").Append(AnalyzerRunner.NamespaceFor(path)).Append('\n');
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
    }

    /// <summary>The projects' compilations have nullable reference types on, as the repository's do.</summary>
    public static Solution EnableNullable(Solution solution, ProjectId projectId)
    {
        var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
    }
}

/// <summary>Markup tests for one analyzer: <c>{|STH0003:...|}</c> in C# and in schema files.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params (string Path, string Text)[] schemas) =>
        AnalyzerAsync(source, schemas, []);

    public static Task AnalyzerAsync(string source, IEnumerable<(string Path, string Text)> schemas, IEnumerable<DiagnosticResult> expected, string globalOptions = "")
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        if (source.Length > 0)
        {
            test.TestState.Sources.Add(source);
        }

        test.SolutionTransforms.Add(TestSetup.EnableNullable);

        TestSetup.Apply(test.TestState, schemas, globalOptions);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Only schema files (paths below <c>/0/schemas/</c>), no C#.</summary>
    public static Task SchemasAsync(params (string Path, string Text)[] schemas) =>
        AnalyzerAsync(string.Empty, schemas.Select(s => ("/0/schemas/" + s.Path, s.Text)), []);

    /// <summary>Only schema files, with <paramref name="globalOptions"/> (one <c>key = value</c> per line) in the project's global config.</summary>
    public static Task SchemasWithOptionsAsync(string globalOptions, params (string Path, string Text)[] schemas) =>
        AnalyzerAsync(string.Empty, schemas.Select(s => ("/0/schemas/" + s.Path, s.Text)), [], globalOptions);
}

/// <summary>Code fix tests for one analyzer and its fixer.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// Applies the fix and compares the result. The compiler's errors count as unexpected diagnostics in the source and in
    /// the fixed code; with <paramref name="compilerDiagnostics"/> <see cref="CompilerDiagnostics.Warnings"/>, its warnings too.
    /// </summary>
    public static Task CodeFixAsync(string source, string fixedSource, int iterations = 1, CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = iterations,
            CompilerDiagnostics = compilerDiagnostics,
        };
        test.DisabledDiagnostics.Add("CS1591"); // the testing framework asks for XML docs; the test code has none
        test.SolutionTransforms.Add(TestSetup.EnableNullable);
        TestSetup.Apply(test.TestState, []);
        return test.RunAsync();
    }
}
