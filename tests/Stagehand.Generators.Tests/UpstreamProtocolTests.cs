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
/// union (while a broken message does not) and reads and writes back the same JSON, and params generated from the schema
/// for every method and notification validate, and stop validating without a required member.
/// </summary>
public sealed class UpstreamProtocolTests
{
    /// <summary>Fixed: the same generated instances on every run.</summary>
    private const ulong Seed = 0x5354_4147_4548_414E;

    private const int InstancesPerMethod = 20;

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

        // Precisely these 42 of the 234 are not types of their own: their C# value is a string, long, bool, list or
        // dictionary, JsonAny (any JSON value), another definition's type (a $ref), or that type made nullable (anyOf [X, null]). The shape of each
        // was checked above; the list keeps a change in the vendor file or in the generator from passing unseen.
        Assert.Equal(234, definitions.Count);
        Assert.Equal(
            [
                "OpenAIModelName (a string)", "AnthropicModelName (a string)", "GoogleModelName (a string)",
                "GroqModelName (a string)", "CerebrasModelName (a string)", "Variables (a map)",
                "__schema0 (any JSON value)", "__schema1 (any JSON value)", "__schema2 (any JSON value)",
                "__schema3 (any JSON value)", "__schema4 (any JSON value)", "__schema5 (any JSON value)",
                "__schema6 (any JSON value)", "__schema7 (any JSON value)", "__schema8 (any JSON value)",
                "ContextPagesResult (an array)", "ContextActivePageResult (another definition or null)",
                "ContextGetDomainPolicyResult (another definition or null)", "ContextCookiesResult (an array)",
                "ContextClipboardReadTextResult (a string)", "PageUrlResult (a string)", "PageTitleResult (a string)",
                "__schema9 (any JSON value)", "WebMCPJsonValue (another definition)", "__schema10 (any JSON value)",
                "WebMCPRemoteObject (a map)", "LocatorCountResult (an integer)", "LocatorIsCheckedResult (a boolean)",
                "LocatorInputValueResult (a string)", "LocatorIsVisibleResult (a boolean)",
                "LocatorInnerTextResult (a string)", "LocatorInnerHtmlResult (a string)",
                "LocatorTextContentResult (a string)", "LocatorSelectOptionResult (an array)",
                "StagehandLogData (a map)", "__schema11 (any JSON value)", "PageCDPEventParams (a map)",
                "__schema12 (any JSON value)", "JSONRPCRequestId (an integer)", "__schema13 (any JSON value)",
                "__schema14 (any JSON value)", "JSONRPCErrorResponseId (another definition or null)",
            ],
            untyped);
        Assert.Equal(192, typed.Count);
        _output.WriteLine($"{typed.Count} of {definitions.Count} definitions are contract types ({nullRefused} generated nulls refused by a nullable type's own contract); not: {string.Join(", ", untyped)}");
        _output.WriteLine("contracts by kind: " + string.Join(", ", contracts.Values.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())));
        var jsonMembers = contracts.Values.SelectMany(c => c.Type.GetProperties().Where(p => p.PropertyType == typeof(JsonAny) || p.PropertyType == typeof(JsonAny?)).Select(p => c.Name + "." + p.Name)).Order(StringComparer.Ordinal).ToList();
        _output.WriteLine($"{jsonMembers.Count} members are JsonAny: {string.Join(", ", jsonMembers)}");
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

    [UpstreamFact]
    public void GeneratedParamsOfEveryMethodAndNotificationValidateAndLoseValidityWithARequiredMember()
    {
        var file = Path.GetFileName(Protocol);
        var store = new SchemaStore(TestRepository.Upstream, file);
        var generator = new InstanceGenerator(store);
        var properties = ProtocolDocument.Value["properties"]!;
        var exercised = new Dictionary<string, int>(StringComparer.Ordinal);
        var withoutRequired = new List<string>();
        var problems = new List<string>();
        int instances = 0, removals = 0, acceptedByAnotherCase = 0;

        foreach (var group in new[] { "methods", "notifications" })
        {
            foreach (var (method, entry) in properties[group]!["properties"]!.AsObject())
            {
                exercised[group] = exercised.GetValueOrDefault(group) + 1;
                var reference = entry!["properties"]!["params"]!["$ref"]!.GetValue<string>();
                var contract = DefinitionContract(reference);
                var schema = store.Resolve(file, reference);

                // A union of objects (llm.generate's) is checked case by case: each case is a definition, and a contract, of
                // its own. A plain object is its one case.
                var cases = schema.Node["anyOf"] is JsonArray branches
                    ? branches.Select(b => b!["$ref"]?.GetValue<string>() ?? throw new NotSupportedException(method + ": a case that is not a $ref"))
                        .Select(r => (Schema: store.Resolve(file, r).Node, Contract: DefinitionContract(r))).ToList()
                    : [(Schema: schema.Node, Contract: contract)];
                if (cases.All(c => c.Schema["required"] is null))
                {
                    withoutRequired.Add(method + " (" + contract.Name + ")");
                }

                var values = generator.For(schema);
                var pcg = new PCG(Stream(method), Seed);
                for (var i = 0; i < InstancesPerMethod; i++)
                {
                    instances++;
                    var instance = values.Generate(pcg, null, out _);
                    var json = instance.Value!.ToJsonString();
                    var result = contract.Validate(Encoding.UTF8.GetBytes(json), null);
                    if (!result.IsValid)
                    {
                        problems.Add($"{method}: a generated {contract.Name} is rejected: {json}\n    {string.Join("; ", result.Errors)}");
                        continue;
                    }

                    // The case the instance was made from: the object schema at its root.
                    var own = cases.Single(c => ReferenceEquals(c.Schema, instance.Sites.Single(site => site.Path.IsEmpty).Schema));
                    var required = (own.Schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToList() ?? [];
                    if (required.Count == 0)
                    {
                        // Nothing to leave out; a member the params do not declare must be refused instead.
                        Assert.False(own.Schema["additionalProperties"]!.GetValue<bool>(), method + ": params that take any member");
                        var extended = instance.Value!.DeepClone().AsObject();
                        extended["zz_unknown"] = 1;
                        var refused = contract.Validate(Encoding.UTF8.GetBytes(extended.ToJsonString()), null);
                        if (refused.IsValid || !refused.Errors.Any(e => Names(e, "zz_unknown")))
                        {
                            problems.Add($"{method}: {contract.Name} with an undeclared member: {string.Join("; ", refused.Errors)}");
                        }

                        continue;
                    }

                    foreach (var member in required)
                    {
                        removals++;
                        var mutated = instance.Value!.DeepClone().AsObject();
                        Assert.True(mutated.Remove(member));
                        var bytes = Encoding.UTF8.GetBytes(mutated.ToJsonString());

                        // The case's own contract refuses it, and says which member is missing.
                        var broken = own.Contract.Validate(bytes, null);
                        if (broken.IsValid || !broken.Errors.Any(e => Names(e, member)))
                        {
                            problems.Add($"{method}: {own.Contract.Name} without its required '{member}': {(broken.IsValid ? "valid" : string.Join("; ", broken.Errors))}: {mutated.ToJsonString()}");
                        }

                        if (ReferenceEquals(own.Contract, contract))
                        {
                            continue;
                        }

                        // The union accepts what one of its cases accepts (anyOf): a structured request without its
                        // response_format is a plain message request. What no case accepts it refuses with one error, naming
                        // the cases; the cases' own errors are muted while they are tried, so it cannot name the member.
                        var anyCase = cases.Any(c => c.Contract.Validate(bytes, null).IsValid);
                        var union = contract.Validate(bytes, null);
                        acceptedByAnotherCase += anyCase ? 1 : 0;
                        if (union.IsValid != anyCase)
                        {
                            problems.Add($"{method}: {contract.Name} without '{member}' is {(union.IsValid ? "valid" : "invalid")}, its cases say otherwise: {mutated.ToJsonString()}");
                        }
                        else if (!union.IsValid && (union.Errors.Count != 1 || union.Errors[0].ToString() != "/ anyOf: The value matches none of: " + string.Join(", ", cases.Select(c => c.Contract.Name)) + "."))
                        {
                            problems.Add($"{method}: {contract.Name} without '{member}': {string.Join("; ", union.Errors)}");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, problems.Count + " problems:\n" + string.Join("\n", problems.Take(20)));
        Assert.Equal(77, exercised["methods"]);
        Assert.Equal(2, exercised["notifications"]);
        Assert.Equal(79 * InstancesPerMethod, instances);
        Assert.Equal(
            [
                "stagehand.close (EmptyParams)", "stagehand.metrics (EmptyParams)", "context.pages (EmptyParams)",
                "context.new_page (ContextNewPageParams)", "context.active_page (EmptyParams)", "context.close (EmptyParams)",
                "context.get_domain_policy (EmptyParams)", "context.cookies (ContextCookiesParams)",
                "context.clear_cookies (ContextClearCookiesParams)", "context.clipboard_read_text (ContextClipboardTarget)",
                "context.clipboard_clear (ContextClipboardTarget)", "context.clipboard_paste (ContextClipboardPasteParams)",
                "context.clipboard_copy (ContextClipboardTarget)", "context.clipboard_cut (ContextClipboardTarget)",
            ],
            withoutRequired);
        Assert.True(removals > 0 && acceptedByAnotherCase > 0, $"{removals} removals, {acceptedByAnotherCase} accepted by another case");
        _output.WriteLine($"{exercised["methods"]} methods and {exercised["notifications"]} notifications, {instances} params, {removals} required members left out ({acceptedByAnotherCase} then accepted by another case of a union); {withoutRequired.Count} methods require no member");
    }

    /// <summary>Whether <paramref name="error"/> is about the missing <paramref name="member"/>: it names it, in its pointer or its message.</summary>
    private static bool Names(ValidationError error, string member) =>
        error.Pointer.EndsWith("/" + member, StringComparison.Ordinal) || error.Message.Contains("'" + member + "'", StringComparison.Ordinal);

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
            // One branch per JSON type, arrays and objects of the definition itself: any JSON value (JsonAny).
            var kinds = branches.Select(b => b?["type"]?.GetValue<string>()).Order(StringComparer.Ordinal);
            if (kinds.SequenceEqual(["array", "boolean", "null", "number", "object", "string"]))
            {
                return "any JSON value";
            }

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

    /// <summary>The contract of the definition <paramref name="reference"/> (<c>#/$defs/Key</c>) names, named as the generator names it.</summary>
    private static ContractDescriptor DefinitionContract(string reference)
    {
        Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
        return Contract(TypeName(reference.Substring("#/$defs/".Length)));
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
