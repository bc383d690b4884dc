using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Stagehand.Benchmarks.Baselines;
using Stagehand.Benchmarks.Payloads;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Benchmarks;

/// <summary>
/// Where the generated validator's time goes, part by part, each beside the floor of the same bytes: the fixed cost
/// of one call (an empty ActOptions), the small payload's model configuration read through its union
/// (ModelSelection: anyOf of ModelConfig's four object variants and a string) and read directly as the variant it is
/// (GenericModelConfigObject), its variables map, and one LLMConfig item of the medium payload (uuid, date-time and
/// uri formats).
/// </summary>
[MemoryDiagnoser]
public class ValidateBreakdownBenchmarks
{
    private static readonly byte[] Empty = "{}"u8.ToArray();
    private byte[] _model = null!;
    private byte[] _options = null!;
    private byte[] _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        var small = JsonNode.Parse(Payload.Load(PayloadKind.Small).Utf8)!;
        _model = Encoding.UTF8.GetBytes(small["options"]!["model"]!.ToJsonString());
        _options = Encoding.UTF8.GetBytes(new JsonObject { ["variables"] = small["options"]!["variables"]!.DeepClone() }.ToJsonString());
        var medium = JsonNode.Parse(Payload.Load(PayloadKind.Medium).Utf8)!;
        _item = Encoding.UTF8.GetBytes(medium["data"]!["llms"]![1]!.ToJsonString());
        if (!ActOptions.Validate(Empty).IsValid || !ModelSelection.Validate(_model).IsValid || !GenericModelConfigObject.Validate(_model).IsValid
            || !ActOptions.Validate(_options).IsValid || !LLMConfig.Validate(_item).IsValid)
        {
            throw new InvalidOperationException("A breakdown part is not valid for its contract.");
        }
    }

    [Benchmark(Description = "Call overhead: ActOptions {}")]
    public bool EmptyObject() => ActOptions.Validate(Empty).IsValid;

    [Benchmark(Description = "Floor: {}")]
    public int EmptyObjectFloor() => ReaderFloor.Scan(Empty);

    [Benchmark(Description = "Model config via ModelSelection (union)")]
    public bool ModelThroughUnion() => ModelSelection.Validate(_model).IsValid;

    [Benchmark(Description = "Model config as GenericModelConfigObject")]
    public bool ModelDirect() => GenericModelConfigObject.Validate(_model).IsValid;

    [Benchmark(Description = "Floor: model config")]
    public int ModelFloor() => ReaderFloor.Scan(_model);

    [Benchmark(Description = "Variables map (5 entries) in ActOptions")]
    public bool Variables() => ActOptions.Validate(_options).IsValid;

    [Benchmark(Description = "Floor: variables")]
    public int VariablesFloor() => ReaderFloor.Scan(_options);

    [Benchmark(Description = "One LLMConfig item")]
    public bool LlmConfigItem() => LLMConfig.Validate(_item).IsValid;

    [Benchmark(Description = "Floor: one LLMConfig item")]
    public int LlmConfigItemFloor() => ReaderFloor.Scan(_item);
}
