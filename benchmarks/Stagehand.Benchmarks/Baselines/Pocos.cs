using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nj = Newtonsoft.Json;

namespace Stagehand.Benchmarks.Baselines;

// Hand-written classes equivalent to the generated contracts of the three payloads, as a user would write them for
// System.Text.Json (source-generated, no validation) and Newtonsoft.Json. Unions ("anyOf" told apart by shape) are
// classes with one member per case and a small converter; the model configuration is one class holding the members
// of all its variants. Members the payloads never carry (Vertex and Azure options, auth) are plain JSON objects.

/// <summary>v3 ActRequest.</summary>
public sealed class ActRequestPoco
{
    public ActInputPoco Input { get; set; } = null!;

    public ActOptionsPoco? Options { get; set; }

    public string? FrameId { get; set; }

    public bool? StreamResponse { get; set; }

    public int? CacheThreshold { get; set; }
}

/// <summary>v3 ActRequest.input: an instruction or an Action.</summary>
[JsonConverter(typeof(ActInputPocoConverter))]
[Nj.JsonConverter(typeof(NewtonsoftActInputConverter))]
public sealed class ActInputPoco
{
    public string? Instruction { get; set; }

    public ActionPoco? Action { get; set; }
}

/// <summary>v3 Action.</summary>
public sealed class ActionPoco
{
    public string Selector { get; set; } = null!;

    public string Description { get; set; } = null!;

    public double? BackendNodeId { get; set; }

    public string? Method { get; set; }

    public List<string>? Arguments { get; set; }
}

/// <summary>v3 ActOptions (serverCache is client-only and never on the wire).</summary>
public sealed class ActOptionsPoco
{
    public ModelSelectionPoco? Model { get; set; }

    public Dictionary<string, VariableValuePoco>? Variables { get; set; }

    public double? Timeout { get; set; }
}

/// <summary>v3 ModelSelection: a model name or a full configuration.</summary>
[JsonConverter(typeof(ModelSelectionPocoConverter))]
[Nj.JsonConverter(typeof(NewtonsoftModelSelectionConverter))]
public sealed class ModelSelectionPoco
{
    public string? Name { get; set; }

    public ModelConfigPoco? Config { get; set; }
}

/// <summary>v3 ModelConfig: the members of its four variants in one class.</summary>
public sealed class ModelConfigPoco
{
    public string ModelName { get; set; } = null!;

    public string? ApiKey { get; set; }

    [JsonPropertyName("baseURL")]
    [Nj.JsonProperty("baseURL")]
    public Uri? BaseURL { get; set; }

    public Dictionary<string, string>? Headers { get; set; }

    public OpenAIEndpointFormatPoco? OpenaiEndpointFormat { get; set; }

    public string? Provider { get; set; }

    public Dictionary<string, object>? Auth { get; set; }

    public Dictionary<string, object>? ProviderOptions { get; set; }
}

/// <summary>v3 OpenAIEndpointFormat.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpenAIEndpointFormatPoco>))]
[Nj.JsonConverter(typeof(Nj.Converters.StringEnumConverter))]
public enum OpenAIEndpointFormatPoco
{
    [JsonStringEnumMemberName("responses")]
    [EnumMember(Value = "responses")]
    Responses,

    [JsonStringEnumMemberName("chat")]
    [EnumMember(Value = "chat")]
    Chat,
}

/// <summary>v3 VariableValue: a string, number, boolean, or a described value.</summary>
[JsonConverter(typeof(VariableValuePocoConverter))]
[Nj.JsonConverter(typeof(NewtonsoftVariableValueConverter))]
public sealed class VariableValuePoco
{
    public string? String { get; set; }

    public double? Number { get; set; }

    public bool? Boolean { get; set; }

    public DescribedVariablePoco? Described { get; set; }
}

/// <summary>v3 DescribedVariable.</summary>
public sealed class DescribedVariablePoco
{
    public VariablePrimitivePoco Value { get; set; } = null!;

    public string? Description { get; set; }
}

/// <summary>v3 VariablePrimitive: a string, number or boolean.</summary>
[JsonConverter(typeof(VariablePrimitivePocoConverter))]
[Nj.JsonConverter(typeof(NewtonsoftVariablePrimitiveConverter))]
public sealed class VariablePrimitivePoco
{
    public string? String { get; set; }

    public double? Number { get; set; }

    public bool? Boolean { get; set; }
}

/// <summary>v4 LLMListResponse.</summary>
public sealed class LLMListResponsePoco
{
    public bool Success { get; set; }

    public LLMListResultPoco Data { get; set; } = null!;
}

/// <summary>v4 LLMListResult.</summary>
public sealed class LLMListResultPoco
{
    public List<LLMConfigPoco> Llms { get; set; } = null!;
}

/// <summary>v4 LLMConfig: every member is always written, null or not.</summary>
public sealed class LLMConfigPoco
{
    public Guid Id { get; set; }

    public LLMSourcePoco Source { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DisplayName { get; set; }

    public string ModelName { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Uri? BaseUrl { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SystemPrompt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public LLMProviderOptionsPoco? ProviderOptions { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>v4 LLMSource.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LLMSourcePoco>))]
[Nj.JsonConverter(typeof(Nj.Converters.StringEnumConverter))]
public enum LLMSourcePoco
{
    [JsonStringEnumMemberName("user")]
    [EnumMember(Value = "user")]
    User,

    [JsonStringEnumMemberName("system-default")]
    [EnumMember(Value = "system-default")]
    SystemDefault,
}

/// <summary>v4 LLMProviderOptions.</summary>
public sealed class LLMProviderOptionsPoco
{
    public double? Temperature { get; set; }

    public string? Organization { get; set; }

    public string? Project { get; set; }

    public string? Location { get; set; }
}

/// <summary>v3 ExtractRequest. Its free-form <c>schema</c> is a map of JSON elements (System.Text.Json) or a JObject (Newtonsoft).</summary>
public sealed class ExtractRequestPoco
{
    public string? Instruction { get; set; }

    [Nj.JsonIgnore]
    public Dictionary<string, JsonElement>? Schema { get; set; }

    [JsonIgnore]
    [Nj.JsonProperty("schema")]
    public Newtonsoft.Json.Linq.JObject? SchemaToken { get; set; }

    public ExtractOptionsPoco? Options { get; set; }

    public string? FrameId { get; set; }

    public bool? StreamResponse { get; set; }

    public int? CacheThreshold { get; set; }
}

/// <summary>v3 ExtractOptions (serverCache is client-only and never on the wire).</summary>
public sealed class ExtractOptionsPoco
{
    public ModelSelectionPoco? Model { get; set; }

    public double? Timeout { get; set; }

    public string? Selector { get; set; }

    public List<string>? IgnoreSelectors { get; set; }

    public bool? Screenshot { get; set; }
}

/// <summary>System.Text.Json's source-generated metadata for the POCOs: camelCase names, nulls left out unless marked.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActRequestPoco))]
[JsonSerializable(typeof(LLMListResponsePoco))]
[JsonSerializable(typeof(ExtractRequestPoco))]
[JsonSerializable(typeof(ActionPoco))]
[JsonSerializable(typeof(ModelConfigPoco))]
[JsonSerializable(typeof(DescribedVariablePoco))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PocoJsonContext : JsonSerializerContext;
