using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stagehand.Generators.Tests.Fuzzing;

/// <summary>
/// Random schema sets through the generator and the compiler: every set must either compile, or the schemas that
/// could not be generated must be explained by a located STH0004 (and then nothing is generated from them). Generated
/// code never fails to compile, and the generator never throws.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    /// <summary>How many sets CI runs; <c>STAGEHAND_FUZZ_SETS</c> asks for more (for example 10000) locally.</summary>
    private const int DefaultSets = 300;

    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly Lazy<MetadataReference> Runtime = new(CompileRuntime);

    private readonly ITestOutputHelper _output;

    public GeneratedCodeCompilesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RandomSchemaSetsCompileOrAreExplained()
    {
        var sets = int.TryParse(Environment.GetEnvironmentVariable("STAGEHAND_FUZZ_SETS"), NumberStyles.None, CultureInfo.InvariantCulture, out var requested) && requested > 0
            ? requested
            : DefaultSets;
        var generated = 0;
        var explained = 0;
        SchemaSetGenerator.Sets.Sample(
            (RandomSchemaFile[] set) =>
            {
                var outcome = Compile(set);
                if (outcome.GeneratedFiles > 0)
                {
                    System.Threading.Interlocked.Increment(ref generated);
                }

                if (outcome.Problems > 0)
                {
                    System.Threading.Interlocked.Increment(ref explained);
                }

                if (outcome.Errors.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException(string.Join("\n", outcome.Errors.Take(10)));
                }
            },
            seed: Environment.GetEnvironmentVariable("STAGEHAND_FUZZ_SEED") ?? Seed,
            iter: sets,
            threads: 1,
            print: set => string.Join("\n", set.Select(f => f.ToString())));

        _output.WriteLine($"{sets} sets: {generated} generated code, {explained} had an STH0004");

        // The sets must exercise the emitters, not only the diagnostics.
        Assert.True(generated > sets / 3, $"only {generated} of {sets} sets generated any code");
    }

    /// <summary>The causes of uncompilable code that fuzzing found, each as a valid schema that must now compile untouched.</summary>
    public static TheoryData<string, string> ValidSchemasThatUsedToBreakTheBuild => new()
    {
        { "line separators in texts", """{ "description": "one\u2028two\u2029three\u0085four\rfive", "type": "object", "properties": { "a\u2028b": { "type": "string", "enum": ["x\u2028y", "*/ \" \\"], "description": "<see cref=\"X\"/> & \u0001" } } }""" },
        { "members named like generated members", """{ "type": "object", "properties": { "Validate": { "type": "string" }, "Parse": { "type": "string" }, "TryParse": { "type": "string" }, "WriteTo": { "type": "string" }, "Reader": { "type": "string" }, "Schema": { "type": "string" }, "Equals": { "type": "string" }, "GetHashCode": { "type": "string" }, "ToString": { "type": "string" }, "Match": { "type": "string" }, "Switch": { "type": "string" }, "Value": { "type": "string" }, "HasValue": { "type": "string" }, "Deconstruct": { "type": "string" }, "Pet": { "type": "string" }, "_": { "type": "string" } } }""" },
        { "nullable inline object", """{ "type": "object", "properties": { "owner": { "type": ["object", "null"], "properties": { "name": { "type": "string" } } } } }""" },
        { "nullable root object", """{ "type": ["object", "null"], "properties": { "name": { "type": "string" } } }""" },
        { "nullable enum and union", """{ "type": "object", "properties": { "color": { "type": ["string", "null"], "enum": ["red", "green", null] }, "size": { "anyOf": [{ "type": "string" }, { "type": "integer" }, { "type": "null" }] } } }""" },
        { "union cases that collide", """{ "type": "object", "properties": { "v": { "anyOf": [{ "type": "string", "format": "uuid" }, { "type": "string", "pattern": "^a" }, { "type": ["boolean", "null"] }] } } }""" },
        { "enum values that collide", """{ "type": "object", "properties": { "e": { "type": "string", "enum": ["red-green", "red_green", "Red Green", "ToString", "value__"] } } }""" },
    };

    [Theory]
    [MemberData(nameof(ValidSchemasThatUsedToBreakTheBuild))]
    public void ValidSchemaThatUsedToBreakTheBuildCompiles(string name, string body)
    {
        var text = body.Insert(1, " \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"x-stagehand-visibility\": \"public\",");

        var outcome = Compile([new RandomSchemaFile("Pet.schema.json", text)]);

        Assert.True(outcome.Problems == 0, name + ": " + string.Join("\n", outcome.ProblemMessages));
        Assert.True(outcome.Errors.Count == 0, name + ":\n" + string.Join("\n", outcome.Errors));
        Assert.True(outcome.GeneratedFiles >= 2, name + ": nothing was generated");
    }

    /// <summary>Runs the generator over one set and compiles what it wrote.</summary>
    internal static Outcome Compile(IReadOnlyList<RandomSchemaFile> set)
    {
        var files = set.Select(f => new TestAdditionalText("/fuzz/" + f.FileName, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Fuzz.Contracts" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>());
        var compilation = CSharpCompilation.Create(
            "Fuzz",
            [CSharpSyntaxTree.ParseText("namespace Fuzz { internal static class Marker { } }", GeneratorHarness.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All.Append(Runtime.Value),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], files, GeneratorHarness.ParseOptions, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var errors = new List<string>();
        if (result.Exception is not null)
        {
            errors.Add("the generator threw: " + result.Exception);
        }

        var problems = generatorDiagnostics.Count(d => d.Id == "STH0004");
        if (Environment.GetEnvironmentVariable("STAGEHAND_FUZZ_DUMP") is { Length: > 0 } dump && output.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Local debugging: the failing set and what was generated from it, to read beside the errors.
            Directory.CreateDirectory(dump);
            foreach (var file in set)
            {
                File.WriteAllText(Path.Combine(dump, file.FileName), file.Text);
            }

            foreach (var source in result.GeneratedSources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }
        }

        errors.AddRange(generatorDiagnostics.Where(d => d.Id != "STH0004").Select(d => "generator: " + d));
        errors.AddRange(output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString()));
        return new Outcome(result.GeneratedSources.Length, problems, errors)
        {
            ProblemMessages = generatorDiagnostics.Where(d => d.Id == "STH0004").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList(),
        };
    }

    /// <summary>Generates, compiles and loads one set (into a collectible context), for tests that run what was generated.</summary>
    internal static System.Reflection.Assembly Load(IReadOnlyList<RandomSchemaFile> set)
    {
        var files = set.Select(f => new TestAdditionalText("/fuzz/" + f.FileName, f.Text)).ToImmutableArray();
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Fuzz.Contracts" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>());
        var compilation = CSharpCompilation.Create(
            "Fuzz",
            [],
            Basic.Reference.Assemblies.Net100.References.All.Append(Runtime.Value),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], files, GeneratorHarness.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated code does not compile: " + string.Join("\n", emitted.Diagnostics.Take(5)));
        }

        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("fuzz", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The contract called <paramref name="name"/> in a loaded assembly's registry (<c>GeneratedContracts</c>).</summary>
    internal static Stagehand.Contracts.ContractDescriptor Contract(System.Reflection.Assembly assembly, string name, string rootNamespace = "Fuzz.Contracts")
    {
        var descriptors = (Stagehand.Contracts.ContractDescriptor[])assembly.GetType(rootNamespace + ".GeneratedContracts")!
            .GetMethod("CreateDescriptors", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!
            .Invoke(null, null)!;
        return descriptors.Single(d => d.Name == name);
    }

    internal sealed record Outcome(int GeneratedFiles, int Problems, List<string> Errors)
    {
        public List<string> ProblemMessages { get; init; } = [];
    }

    /// <summary>The runtime the generated code calls: the built Stagehand.Contracts assembly.</summary>
    private static MetadataReference CompileRuntime() =>
        MetadataReference.CreateFromFile(typeof(Stagehand.Contracts.JsonAny).Assembly.Location);
}
