using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stagehand.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="ContractsGenerator"/> in memory over schema files, the way a build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The project's own schemas, with the namespaces Stagehand.Contracts gives them.</summary>
    public static ImmutableArray<TestAdditionalText> ProjectSchemas() =>
        Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.schema.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new TestAdditionalText(path.Replace('\\', '/'), File.ReadAllText(path)))
            .ToImmutableArray();

    public static string NamespaceFor(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(path))!;
        return folder switch
        {
            "v3" => "Stagehand.Contracts.V3",
            "v4" => "Stagehand.Contracts.V4",
            "internal" => "Stagehand.Contracts.Internal",
            _ => "Stagehand.Contracts.Tests",
        };
    }

    public static TestOptionsProvider OptionsFor(IEnumerable<AdditionalText> files, string rootNamespace = "Consumer")
    {
        var perFile = files.ToDictionary(
            file => file.Path,
            file => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                [ContractsGenerator.NamespaceMetadata] = NamespaceFor(file.Path),
            });
        return new TestOptionsProvider(new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = rootNamespace }, perFile);
    }

    public static CSharpCompilation EmptyCompilation(string source = "namespace Consumer { public static class Marker { } }") =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, TestOptionsProvider? options = null)
    {
        var list = files.ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            list,
            ParseOptions,
            options ?? OptionsFor(list),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and fails loudly if it threw (CS8785 in a real build).</summary>
    public static GeneratorRunResult Run(IEnumerable<AdditionalText> files, TestOptionsProvider? options = null)
    {
        var driver = CreateDriver(files, options).RunGenerators(EmptyCompilation());
        return Single(driver);
    }

    public static GeneratorRunResult Single(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw, which a build reports as CS8785.", result.Exception);
        }

        return result;
    }

    /// <summary>Runs over a few schema files given as (relative path, text), all in one namespace.</summary>
    public static GeneratorRunResult RunInline(params (string Path, string Text)[] files)
    {
        var texts = files.Select(f => new TestAdditionalText("/inline/" + f.Path, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Inline.Contracts" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>());
        return Run(texts, options);
    }
}
