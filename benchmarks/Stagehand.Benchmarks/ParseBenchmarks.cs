using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Stagehand.Benchmarks.Baselines;
using Stagehand.Benchmarks.Payloads;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Benchmarks;

/// <summary>
/// Validate and build the object: the generated <c>TryParse</c> (one pass), System.Text.Json's source-generated
/// deserialization into equivalent hand-written classes (no validation), and Newtonsoft.Json (parse to a token,
/// NJsonSchema validation of the token, then <c>ToObject</c> into the same classes).
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly global::Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = global::Newtonsoft.Json.JsonSerializer.CreateDefault(
        new global::Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None });

    private Payload _payload = null!;
    private JsonSchema _schema = null!;

    [Params(PayloadKind.Small, PayloadKind.Medium, PayloadKind.Large)]
    public PayloadKind Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = Payloads.Payload.Load(Payload);
        _schema = NJsonSchemaBaseline.Load(_payload.SchemaPath);
        NJsonSchemaBaseline.RequireValid(_schema, _payload.Text, Payload.ToString());
        if (Generated() is null || StjSourceGenerated() is null || NewtonsoftWithNJsonSchema() is null)
        {
            throw new InvalidOperationException("A parser returned nothing for the " + Payload + " payload.");
        }
    }

    [Benchmark(Description = "Generated TryParse")]
    public object? Generated()
    {
        switch (Payload)
        {
            case PayloadKind.Small:
                return ActRequest.TryParse(_payload.Utf8, out var act, out _) ? act : null;
            case PayloadKind.Medium:
                return LLMListResponse.TryParse(_payload.Utf8, out var list, out _) ? list : null;
            default:
                return ExtractRequest.TryParse(_payload.Utf8, out var extract, out _) ? extract : null;
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen Deserialize")]
    public object? StjSourceGenerated() => Payload switch
    {
        PayloadKind.Small => JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.ActRequestPoco),
        PayloadKind.Medium => JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.LLMListResponsePoco),
        _ => JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.ExtractRequestPoco),
    };

    [Benchmark(Description = "Newtonsoft + NJsonSchema")]
    public object? NewtonsoftWithNJsonSchema()
    {
        var token = NJsonSchemaBaseline.ReadToken(_payload.Text);
        if (_schema.Validate(token).Count != 0)
        {
            return null;
        }

        return Payload switch
        {
            PayloadKind.Small => token.ToObject<ActRequestPoco>(NewtonsoftSerializer),
            PayloadKind.Medium => token.ToObject<LLMListResponsePoco>(NewtonsoftSerializer),
            _ => (object?)token.ToObject<ExtractRequestPoco>(NewtonsoftSerializer),
        };
    }
}
