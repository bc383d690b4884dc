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
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stagehand.Contracts;
using Stagehand.Differential.Tests;
using Stagehand.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stagehand.Generators.Tests;

/// <summary>
/// Upstream Stagehand's live v4 protocol (<c>../shared/upstream/stagehand.v4.json</c>, 234 definitions, written for
/// Python and Go generators) dropped into a project unchanged: it generates with no diagnostic, compiles without a
/// warning, every definition that is a type of its own is a contract, upstream's own wire fixture validates as its request
/// union (while a broken message does not) and reads and writes back the same JSON.
/// </summary>
public sealed class UpstreamProtocolTests
{
    /// <summary>Fixed: the same generated instances on every run.</summary>
    private const ulong Seed = 0x5354_4147_4548_414E;

    private const int InstancesPerDefinition = 3;

    private static readonly string Protocol = Path.Combine(TestRepository.Upstream, "stagehand.v4.json");

    private static readonly Lazy<Outcome> Built = new(Build);

    private static readonly Lazy<JsonNode> ProtocolDocument = new(() => JsonNode.Parse(File.ReadAllText(Protocol))!);

    private readonly ITestOutputHelper _output;

    public UpstreamProtocolTests(ITestOutputHelper output) => _output = output;

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
    public void EveryDefinitionIsAContractTypeUnlessItsValueIsABuiltInOneOrAnotherDefinitions()
    {
        var assembly = Built.Value.Assembly ?? throw new InvalidOperationException("the protocol did not compile");
        var contracts = Contracts(assembly).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var definitions = ProtocolDocument.Value["$defs"]!.AsObject();
        var store = new SchemaStore(TestRepository.Upstream, Path.GetFileName(Protocol));
        var generator = new InstanceGenerator(store);
        var typed = new List<string>();
        var untyped = new List<string>();
        var nullRefused = 0;

        foreach (var (key, definition) in definitions)
        {
            var name = TypeName(key);
            var schema = definition!.AsObject();
            var noTypeBecause = WhyNoType(schema);
            if (noTypeBecause is null)
            {
                typed.Add(key);
                Assert.True(contracts.TryGetValue(name, out var contract), $"$defs/{key}: no contract {name}");
                Assert.Equal(name, contract!.Type.Name);
                Assert.Equal("Upstream.Protocol", contract.Type.Namespace);
                Assert.Equal(ExpectedKind(schema), contract.Kind);

                // And it is this definition's contract, not another type that took the name: what the definition
                // describes, it accepts.
                var values = generator.For(store.Resolve(Path.GetFileName(Protocol), "#/$defs/" + key));
                var pcg = new PCG(Stream(key), Seed);
                for (var i = 0; i < InstancesPerDefinition; i++)
                {
                    var json = values.Generate(pcg, null, out _).Value?.ToJsonString() ?? "null";
                    var result = contract.Validate(Encoding.UTF8.GetBytes(json), null);
                    if (json == "null")
                    {
                        // A nullable type (a JSON value's union) is nullable where it is used, as T?; its own contract reads
                        // the non-null form and refuses null (docs/schema-dialect.md).
                        Assert.Equal("/ type: Expected a value other than null.", Assert.Single(result.Errors).ToString());
                        nullRefused++;
                        continue;
                    }

                    Assert.True(result.IsValid, $"$defs/{key} as {name}: {json}\n    {string.Join("; ", result.Errors)}");
                }
            }
            else
            {
                untyped.Add(key + " (" + noTypeBecause + ")");
                Assert.False(contracts.ContainsKey(name), $"$defs/{key} is {noTypeBecause}, yet has the contract {name}");
                Assert.Null(assembly.GetType("Upstream.Protocol." + name));
            }
        }

        // Precisely these 27 of the 234 are not types of their own: their C# value is a string, long, bool, list or
        // dictionary, another definition's type (a $ref), or that type made nullable (anyOf [X, null]). The shape of each
        // was checked above; the list keeps a change in the vendor file or in the generator from passing unseen.
        Assert.Equal(234, definitions.Count);
        Assert.Equal(
            [
                "OpenAIModelName (a string)", "AnthropicModelName (a string)", "GoogleModelName (a string)", "GroqModelName (a string)",
                "CerebrasModelName (a string)", "Variables (a map)", "ContextPagesResult (an array)",
                "ContextActivePageResult (another definition or null)", "ContextGetDomainPolicyResult (another definition or null)",
                "ContextCookiesResult (an array)", "ContextClipboardReadTextResult (a string)", "PageUrlResult (a string)",
                "PageTitleResult (a string)", "WebMCPJsonValue (another definition)", "WebMCPRemoteObject (a map)",
                "LocatorCountResult (an integer)", "LocatorIsCheckedResult (a boolean)", "LocatorInputValueResult (a string)",
                "LocatorIsVisibleResult (a boolean)", "LocatorInnerTextResult (a string)", "LocatorInnerHtmlResult (a string)",
                "LocatorTextContentResult (a string)", "LocatorSelectOptionResult (an array)", "StagehandLogData (a map)",
                "PageCDPEventParams (a map)", "JSONRPCRequestId (an integer)", "JSONRPCErrorResponseId (another definition or null)",
            ],
            untyped);
        Assert.Equal(207, typed.Count);
        _output.WriteLine($"{typed.Count} of {definitions.Count} definitions are contract types ({nullRefused} generated nulls refused by a nullable type's own contract); not: {string.Join(", ", untyped)}");
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

    /// <summary>
    /// Why a definition is no type of its own, or null when it is one: what Stagehand.Schema.ContractModelBuilder.TypeFormingKind
    /// decides, for the shapes this file has. A reference is the type it refers to; a union of one type and null is that type,
    /// nullable; a plain string, integer or boolean is the C# one; an array a list; an object with no properties whose
    /// members all follow one schema a dictionary.
    /// </summary>
    private static string? WhyNoType(JsonObject schema)
    {
        if (schema.ContainsKey("$ref"))
        {
            return "another definition";
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray branches)
        {
            return branches.Count(b => b?["type"]?.GetValue<string>() != "null") == 1 ? "another definition or null" : null;
        }

        if (schema.ContainsKey("enum"))
        {
            return null;
        }

        return schema["type"]?.GetValue<string>() switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "boolean" => "a boolean",
            "array" => "an array",
            "object" when !schema.ContainsKey("properties") && schema["additionalProperties"] is JsonObject => "a map",
            _ => null,
        };
    }

    private static ContractKind ExpectedKind(JsonObject schema) =>
        schema.ContainsKey("anyOf") || schema.ContainsKey("oneOf") ? ContractKind.Union
        : schema.ContainsKey("enum") ? ContractKind.Enum
        : ContractKind.Record;

    private static uint Stream(string name)
    {
        var hash = 2166136261u;
        foreach (var ch in name)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash;
    }

    /// <summary>
    /// The type name of a definition, as Stagehand.Schema.ContractModelBuilder.NameTypes gives it: its key in PascalCase,
    /// made an identifier (no definition in this file carries x-stagehand-typeName, and none is renumbered by a collision,
    /// which the test of the definitions shows).
    /// </summary>
    private static string TypeName(string key) =>
        Stagehand.Schema.Identifiers.ToIdentifier(Stagehand.Schema.Identifiers.ToPascalCase(key), "Type");

    private static ContractDescriptor[] Contracts(Assembly assembly) =>
        (ContractDescriptor[])assembly.GetType("Upstream.Protocol.GeneratedContracts")!.GetMethod("CreateDescriptors")!.Invoke(null, null)!;

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
