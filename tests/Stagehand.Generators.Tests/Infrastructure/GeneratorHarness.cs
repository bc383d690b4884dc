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

    /// <summary>The namespace of what <c>RunInline</c> generates (the root namespace it passes).</summary>
    public const string InlineNamespace = "Inline.Contracts";

    /// <summary>Runs over a few schema files given as (relative path, text), all in one namespace.</summary>
    public static GeneratorRunResult RunInline(params (string Path, string Text)[] files) =>
        RunInline(new Dictionary<string, string>(), files);

    /// <summary>
    /// Runs over a few schema files given as (relative path, text), all in one namespace, each with the same item
    /// metadata (e.g. <c>StagehandSchemaMode=validator</c>, as <see cref="ValidatorMode"/> says).
    /// </summary>
    public static GeneratorRunResult RunInline(IReadOnlyDictionary<string, string> metadata, params (string Path, string Text)[] files)
    {
        var texts = files.Select(f => new TestAdditionalText("/inline/" + f.Path, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = InlineNamespace },
            texts.ToDictionary(t => t.Path, _ => metadata));
        return Run(texts, options);
    }

    /// <summary>The item metadata of a file read as plain JSON Schema, whose <c>&lt;Stem&gt;Schema</c> class only validates.</summary>
    public static IReadOnlyDictionary<string, string> ValidatorMode { get; } =
        new Dictionary<string, string> { [Stagehand.Schema.SchemaFileSettings.ModeMetadata] = "validator" };

    /// <summary>
    /// Compiles what a run generated, with the Stagehand.Contracts runtime and any other sources given, and loads it into
    /// a collectible context. Fails with the compiler's errors and warnings, so generated code must build warning-free.
    /// </summary>
    public static System.Reflection.Assembly CompileAndLoad(GeneratorRunResult result, params string[] otherSources)
    {
        var compilation = CSharpCompilation.Create(
            "Inline",
            result.GeneratedSources.Select(s => s.SyntaxTree).Concat(otherSources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions))),
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Stagehand.Contracts.JsonAny).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!emitted.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        }

        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("inline", isCollectible: true).LoadFromStream(image);
    }
}
