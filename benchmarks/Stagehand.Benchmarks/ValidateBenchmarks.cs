using BenchmarkDotNet.Attributes;
using NJsonSchema;
using Stagehand.Benchmarks.Baselines;
using Stagehand.Benchmarks.Payloads;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Benchmarks;

/// <summary>
/// Validate a valid document: the generated <c>X.Validate(bytes)</c>, NJsonSchema's <c>JsonSchema.Validate(text)</c> on
/// the same schema (bundled into one document), and the floor (a bare Utf8JsonReader scan of the same bytes).
/// </summary>
[MemoryDiagnoser]
public class ValidateBenchmarks
{
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
    }

    [Benchmark(Description = "Generated Validate")]
    public bool Generated() => Payload switch
    {
        PayloadKind.Small => ActRequest.Validate(_payload.Utf8).IsValid,
        PayloadKind.Medium => LLMListResponse.Validate(_payload.Utf8).IsValid,
        _ => ExtractRequest.Validate(_payload.Utf8).IsValid,
    };

    [Benchmark(Baseline = true, Description = "NJsonSchema Validate")]
    public int NJsonSchema() => _schema.Validate(_payload.Text).Count;

    [Benchmark(Description = "Utf8JsonReader floor")]
    public int ReaderFloor() => Baselines.ReaderFloor.Scan(_payload.Utf8);
}
