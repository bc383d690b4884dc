using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>The registry maps each contract name to its validator and parser (issue: "The CLI issue needs it").</summary>
public sealed class RegistryTests
{
    private static readonly ContractRegistry Registry = StagehandContracts.Registry;

    [Fact]
    public void Every_generated_contract_type_resolves_by_its_name()
    {
        var types = typeof(StagehandContracts).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ContractTypeAttribute>()))
            .Where(p => p.Attribute is not null)
            .ToArray();
        Assert.True(types.Length >= 100, $"only {types.Length} contract types");
        foreach (var (type, _) in types)
        {
            Assert.True(Registry.TryGet(type.Name, out var descriptor), $"{type.FullName} is not in the registry");
            Assert.Equal(type, descriptor!.Type);
        }

        Assert.Equal(types.Length, Registry.All.Count(d => d.Kind != ContractKind.Value));
        foreach (var descriptor in Registry.All)
        {
            Assert.True(Registry.TryGet(descriptor.Name, out var found));
            Assert.Same(descriptor, found);
        }
    }

    [Fact]
    public void Every_schema_file_names_a_registered_contract()
    {
        var root = TestRepository.Schemas;
        var missing = Directory.EnumerateFiles(root, "*.schema.json", SearchOption.AllDirectories)
            .Select(path => Path.GetFileName(path)[..^".schema.json".Length])
            .Where(name => !Registry.TryGet(name, out _))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.True(missing.Length == 0, "schema files with no registered contract: " + string.Join(", ", missing));
    }

    [Fact]
    public void Descriptors_name_their_family_and_schema()
    {
        Assert.True(Registry.TryGet("ActRequest", out var act));
        Assert.Equal("v3", act!.Family);
        Assert.Equal("v3/ActRequest.schema.json", act.SchemaPath);
        Assert.Equal(ContractKind.Record, act.Kind);
        Assert.Equal(ContractVisibility.Public, act.Visibility);

        Assert.True(Registry.TryGet("LLMSession", out var session));
        Assert.Equal("internal", session!.Family);
        Assert.Equal(ContractVisibility.Internal, session.Visibility);

        Assert.True(Registry.TryGet("BrowserSessionCreateRequest", out var create));
        Assert.Equal(ContractKind.Union, create!.Kind);
        Assert.True(Registry.TryGet("LLMSource", out var source));
        Assert.Equal(ContractKind.Enum, source!.Kind);
    }

    [Fact]
    public void Upstream_name_LLM_resolves_to_LLMConfig()
    {
        Assert.True(Registry.TryGet("LLM", out var llm));
        Assert.Equal("LLMConfig", llm!.Name);
        Assert.Equal(typeof(V4.LLMConfig), llm.Type);
    }

    [Fact]
    public void Lookup_is_exact_and_unknown_names_fail()
    {
        Assert.False(Registry.TryGet("llmconfig", out _));
        Assert.False(Registry.TryGet("LLMConfg", out _));
        Assert.False(Registry.TryGet(string.Empty, out _));
    }

    [Fact]
    public void Nearest_suggests_the_intended_contract()
    {
        Assert.Contains("LLMConfig", Registry.Nearest("LLMConfg"));
        Assert.Equal("LLMConfig", Registry.Nearest("LLMConfg")[0]);
        Assert.Contains("ActRequest", Registry.Nearest("actrequest"));
        Assert.Contains("SessionStartRequest", Registry.Nearest("SessionStartReqest"));
        Assert.Equal(3, Registry.Nearest("x").Count);
        Assert.Single(Registry.Nearest("ActRequest", 1));
    }

    [Fact]
    public void Descriptor_Validate_and_TryParse_work()
    {
        Assert.True(Registry.TryGet("LLMCreateRequest", out var create));
        Valid(create!.Validate(Utf8("""{"modelName":"openai/gpt-4.1-nano"}"""), null));
        ExactErrors(create.Validate(Utf8("""{"modelName":"m","id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40"}"""), WireAssert.Tolerant), ("/id", "readOnly"));

        Assert.True(create.TryParse(Utf8("""{"modelName":"openai/gpt-4.1-nano","displayName":null}"""), null, out var value, out var result));
        Assert.True(result.IsValid);
        var typed = Assert.IsType<V4.LLMCreateRequest>(value);
        Assert.Equal("openai/gpt-4.1-nano", typed.ModelName);
        Assert.True(typed.DisplayName.HasValue);

        Assert.False(create.TryParse(Utf8("""{"displayName":1}"""), null, out var none, out var errors));
        Assert.Null(none);
        ExactErrors(errors, ("/displayName", "type"), ("/modelName", "required"));

        // The policy passes through the descriptor.
        Assert.True(Registry.TryGet("SessionStartRequest", out var start));
        Valid(start!.Validate(Utf8("""{"modelName":"m","keepAlive":true}"""), null));
        ExactErrors(start.Validate(Utf8("""{"modelName":"m","keepAlive":true}"""), WireAssert.Strict), ("/keepAlive", "additionalProperties"));

        // Unions and enums through the descriptor.
        Assert.True(Registry.TryGet("ModelSelection", out var selection));
        Assert.True(selection!.TryParse(Utf8("\"openai/gpt-5.4-mini\""), null, out var name, out _));
        Assert.Equal(V3.ModelSelection.FromName("openai/gpt-5.4-mini"), Assert.IsType<V3.ModelSelection>(name));
        Assert.True(Registry.TryGet("Verbosity", out var verbosity));
        Assert.True(verbosity!.TryParse(Utf8("1"), null, out var level, out _));
        Assert.Equal(V3.Verbosity.Info, level);
    }

    [Fact]
    public void Every_descriptor_rejects_hostile_input_without_throwing()
    {
        var documents = new[] { "", "null", "{", "[[[[", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "1e400", new string('[', 10_000) };
        foreach (var descriptor in Registry.All)
        {
            foreach (var document in documents)
            {
                var json = Utf8(document);
                var result = descriptor.Validate(json, null);
                var parsed = descriptor.TryParse(json, null, out var value, out var parseResult);
                Assert.Equal(result.IsValid, parsed);
                Assert.Equal(result.IsValid, parseResult.IsValid);
                if (!parsed)
                {
                    Assert.Null(value);
                    Assert.NotEmpty(parseResult.Errors);
                }
            }
        }
    }

    private static readonly JsonSerializerOptions ResolverOnly = new() { TypeInfoResolver = StagehandContracts.JsonResolver };

    [Fact]
    public void The_AOT_resolver_has_a_converter_for_every_registered_contract()
    {
        var missing = Registry.All.Where(descriptor =>
        {
            try
            {
                return ResolverOnly.GetTypeInfo(descriptor.Type) is null;
            }
            catch (NotSupportedException)
            {
                return true;
            }
        }).Select(descriptor => descriptor.Name + " (" + descriptor.Type + ")").ToArray();
        Assert.True(missing.Length == 0, "contracts the resolver does not know: " + string.Join(", ", missing));
    }

    [Fact]
    public void Variables_serializes_and_deserializes_through_the_AOT_resolver()
    {
        const string json = """{"user":"alice","age":42,"admin":false,"pw":{"value":"hunter2","description":"the password"}}""";
        Assert.True(Registry.TryGet("Variables", out var variables));
        Assert.True(variables!.TryParse(Utf8(json), null, out var parsed, out _));
        var value = Assert.IsType<ValueMap<V3.VariableValue>>(parsed);

        var written = JsonSerializer.Serialize(value, ResolverOnly);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
        Assert.Equal(JsonSerializer.Serialize(value), written);

        var read = JsonSerializer.Deserialize<ValueMap<V3.VariableValue>>(json, ResolverOnly);
        Assert.Equal(value, read);

        // The resolver's converter validates, as every contract converter does.
        Assert.Throws<ContractValidationException>(() => JsonSerializer.Deserialize<ValueMap<V3.VariableValue>>("""{"pw":{"description":"no value"}}""", ResolverOnly));
    }
}
