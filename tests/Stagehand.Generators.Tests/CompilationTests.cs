using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>The generated contracts, with the hand-written runtime beside them, compile without a single warning.</summary>
public sealed class CompilationTests
{
    public static TheoryData<string> Frameworks => new() { "net8.0", "net10.0" };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void GeneratedContractsCompileWithoutWarnings(string framework)
    {
        var references = framework == "net8.0"
            ? Basic.Reference.Assemblies.Net80.References.All
            : Basic.Reference.Assemblies.Net100.References.All;
        var runtime = Directory.EnumerateFiles(RepositoryPaths.ContractsSource, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(RepositoryPaths.LinkedIntoRuntime)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path));
        var compilation = CSharpCompilation.Create(
            "Stagehand.Contracts",
            runtime,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

        var schemas = GeneratorHarness.ProjectSchemas();
        var driver = GeneratorHarness.CreateDriver(schemas, GeneratorHarness.OptionsFor(schemas, rootNamespace: "Stagehand.Contracts"));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
        Assert.True(output.SyntaxTrees.Count() > runtime.Count());
    }
}
