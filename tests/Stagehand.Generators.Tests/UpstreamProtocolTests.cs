using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Infrastructure;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Upstream Stagehand's live v4 protocol (<c>../shared/upstream/stagehand.v4.json</c>, 234 definitions, written for
/// Python and Go generators) dropped into a project unchanged: it generates with no diagnostic, compiles without a
/// warning, and upstream's own wire fixture validates as its request union (while a broken message does not) and reads
/// and writes back the same JSON.
/// </summary>
public sealed class UpstreamProtocolTests
{
    private static readonly string Protocol = Path.Combine(TestRepository.Upstream, "stagehand.v4.json");

    private static readonly Lazy<Outcome> Built = new(Build);

    [UpstreamFact]
    public void TheProtocolGeneratesWithNoDiagnosticAndCompiles()
    {
        var (generator, compiler, _, assembly) = Built.Value;

        Assert.True(generator.IsEmpty, string.Join("\n", generator.Take(20)));
        Assert.True(compiler.IsEmpty, string.Join("\n", compiler.Take(20)));
        Assert.NotNull(assembly);

        // The root is named after its title ("Stagehand V4 Protocol"), not the file name.
        Assert.NotNull(assembly!.GetType("Upstream.Protocol.StagehandV4Protocol"));
    }

    [UpstreamFact]
    public void UpstreamsWireFixtureValidatesAsTheRequestUnionAndABrokenMessageDoesNot()
    {
        var contract = Contract("StagehandRpcRequest");
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.Upstream, "callback-batch-wire.json")));

        foreach (var message in fixture.RootElement.EnumerateObject())
        {
            var result = contract.Validate(Encoding.UTF8.GetBytes(message.Value.GetRawText()), null);
            Assert.True(result.IsValid, message.Name + ": " + string.Join("; ", result.Errors));
        }

        var broken = contract.Validate("""{"jsonrpc":"2.0","id":1,"method":"stagehand.callback_batch","params":{"callback_source":5}}"""u8.ToArray(), null);
        Assert.False(broken.IsValid);
        Assert.Contains(broken.Errors, e => e.ToString().Contains("/params/callback_source", StringComparison.Ordinal));

        // The union is told apart by method, in one look: an unknown method is one error at /method, naming the methods.
        var unknown = contract.Validate("""{"jsonrpc":"2.0","id":1,"method":"stagehand.nope","params":{}}"""u8.ToArray(), null);
        var error = Assert.Single(unknown.Errors);
        Assert.StartsWith("/method discriminator: The member 'method' must be one of: stagehand.init, ", error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(contract.Type.GetMethod("FromStagehandInit"));
        Assert.NotNull(contract.Type.GetMethod("FromStagehandCallbackBatch"));
    }

    [UpstreamFact]
    public void TheGeneratedCodeCompilesWithoutAWarning()
    {
        var (_, _, warnings, assembly) = Built.Value;

        Assert.NotNull(assembly);
        Assert.True(warnings.IsEmpty, warnings.Length + " warnings:\n" + string.Join("\n", warnings.Take(30)));
    }

    [UpstreamFact]
    public void UpstreamsWireFixtureParsesAndWritesBackTheSameJson()
    {
        var contract = Contract("StagehandRpcRequest");
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.Upstream, "callback-batch-wire.json")));
        var writeTo = contract.Type.GetMethod("WriteTo", [typeof(Utf8JsonWriter)]) ?? throw new InvalidOperationException("no WriteTo(Utf8JsonWriter)");
        var messages = 0;

        foreach (var message in fixture.RootElement.EnumerateObject())
        {
            messages++;
            var json = Encoding.UTF8.GetBytes(message.Value.GetRawText());
            Assert.True(contract.TryParse(json, null, out var value, out var result), message.Name + ": " + string.Join("; ", result.Errors));
            Assert.IsType(contract.Type, value);

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writeTo.Invoke(value, [writer]);
            }

            var written = JsonNode.Parse(buffer.ToArray());
            var original = JsonNode.Parse(json);
            Assert.True(JsonNode.DeepEquals(original, written), $"{message.Name}:\n  read    {original?.ToJsonString()}\n  written {written?.ToJsonString()}");
        }

        Assert.Equal(2, messages);
    }

    private static ContractDescriptor Contract(string name)
    {
        var assembly = Built.Value.Assembly ?? throw new InvalidOperationException("the protocol did not compile");
        return Fuzzing.GeneratedCodeCompilesTests.Contract(assembly, name, "Upstream.Protocol");
    }

    private static Outcome Build()
    {
        // Upstream's file as it is, under the name a project would give it.
        var file = new TestAdditionalText("/upstream/stagehand.v4.schema.json", File.ReadAllText(Protocol));
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { [ContractsGenerator.RootNamespaceProperty] = "Upstream.Protocol" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>());
        // Every warning wave, as a project on a current SDK has them (its WarningLevel follows the analysis level).
        var compilation = CSharpCompilation.Create(
            "Upstream.Protocol",
            [],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(ContractDescriptor).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractsGenerator().AsSourceGenerator()], [file], GeneratorHarness.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        if (!generatorDiagnostics.IsEmpty)
        {
            return new Outcome(generatorDiagnostics, [], [], null);
        }

        // Emit reports what GetDiagnostics would, and what only code generation finds.
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var warnings = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray();
        if (!emitted.Success)
        {
            return new Outcome(generatorDiagnostics, errors, warnings, null);
        }

        image.Position = 0;
        return new Outcome(generatorDiagnostics, errors, warnings, new AssemblyLoadContext("upstream", isCollectible: true).LoadFromStream(image));
    }

    private sealed record Outcome(ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Warnings, Assembly? Assembly);
}

/// <summary>A test that needs upstream's published specs in <c>../shared/upstream</c>, and says so when they are absent.</summary>
public sealed class UpstreamFactAttribute : FactAttribute
{
    public UpstreamFactAttribute()
    {
        if (!File.Exists(Path.Combine(TestRepository.Upstream, "stagehand.v4.json")))
        {
            Skip = $"Upstream's protocol was not found at {TestRepository.Upstream}; the upstream protocol test was not run.";
        }
    }
}
