using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Stagehand.Benchmarks.Baselines;
using Stagehand.Benchmarks.Payloads;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Benchmarks;

/// <summary>
/// Write the payload's object back to JSON: the generated <c>WriteTo</c> against System.Text.Json's source-generated
/// serialization of the equivalent hand-written classes, both into the same reused <see cref="Utf8JsonWriter"/>.
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2 << 20);
    private Utf8JsonWriter _writer = null!;
    private Payload _payload = null!;
    private ActRequest _act = null!;
    private LLMListResponse _list = null!;
    private ExtractRequest _extract = null!;
    private ActRequestPoco _actPoco = null!;
    private LLMListResponsePoco _listPoco = null!;
    private ExtractRequestPoco _extractPoco = null!;

    [Params(PayloadKind.Small, PayloadKind.Medium, PayloadKind.Large)]
    public PayloadKind Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = Payloads.Payload.Load(Payload);
        _writer = new Utf8JsonWriter(_buffer);
        switch (Payload)
        {
            case PayloadKind.Small:
                _act = ActRequest.Parse(_payload.Utf8);
                _actPoco = JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.ActRequestPoco)!;
                break;
            case PayloadKind.Medium:
                _list = LLMListResponse.Parse(_payload.Utf8);
                _listPoco = JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.LLMListResponsePoco)!;
                break;
            default:
                _extract = ExtractRequest.Parse(_payload.Utf8);
                _extractPoco = JsonSerializer.Deserialize(_payload.Utf8, PocoJsonContext.Default.ExtractRequestPoco)!;
                break;
        }

        // Both writers must produce a document that is valid for the contract, of about the same size.
        Check(Generated(), "generated WriteTo");
        Check(StjSourceGenerated(), "System.Text.Json");
    }

    [Benchmark(Description = "Generated WriteTo")]
    public int Generated()
    {
        Reset();
        switch (Payload)
        {
            case PayloadKind.Small:
                _act.WriteTo(_writer);
                break;
            case PayloadKind.Medium:
                _list.WriteTo(_writer);
                break;
            default:
                _extract.WriteTo(_writer);
                break;
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen Serialize")]
    public int StjSourceGenerated()
    {
        Reset();
        switch (Payload)
        {
            case PayloadKind.Small:
                JsonSerializer.Serialize(_writer, _actPoco, PocoJsonContext.Default.ActRequestPoco);
                break;
            case PayloadKind.Medium:
                JsonSerializer.Serialize(_writer, _listPoco, PocoJsonContext.Default.LLMListResponsePoco);
                break;
            default:
                JsonSerializer.Serialize(_writer, _extractPoco, PocoJsonContext.Default.ExtractRequestPoco);
                break;
        }

        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private void Check(int length, string what)
    {
        var written = _buffer.WrittenSpan;
        var result = Payload switch
        {
            PayloadKind.Small => ActRequest.Validate(written),
            PayloadKind.Medium => LLMListResponse.Validate(written),
            _ => ExtractRequest.Validate(written),
        };
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{what} wrote a document that breaks the contract:\n{result}");
        }

        if (length < _payload.Utf8.Length * 8 / 10)
        {
            throw new InvalidOperationException($"{what} wrote {length} bytes of a {_payload.Utf8.Length}-byte payload.");
        }
    }
}
