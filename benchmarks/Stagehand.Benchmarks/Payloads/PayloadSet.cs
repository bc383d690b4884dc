using System;
using System.IO;
using System.Text;
using Stagehand.Contracts;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Benchmarks.Payloads;

/// <summary>The three payloads of the issue.</summary>
public enum PayloadKind
{
    /// <summary>An ActRequest with options, a model configuration and variables (about 0.8 KB).</summary>
    Small,

    /// <summary>An LLMListResponse of 50 LLMConfig items (about 23 KB).</summary>
    Medium,

    /// <summary>An ExtractRequest carrying a big JSON Schema (about 1 MB).</summary>
    Large,
}

/// <summary>A payload file, its contract, and the contract's schema file.</summary>
internal sealed class Payload
{
    private Payload(PayloadKind kind, byte[] utf8, string contract, string schemaPath)
    {
        Kind = kind;
        Utf8 = utf8;
        Text = Encoding.UTF8.GetString(utf8);
        Contract = contract;
        SchemaPath = schemaPath;
    }

    public PayloadKind Kind { get; }

    public byte[] Utf8 { get; }

    public string Text { get; }

    /// <summary>The generated contract type's name.</summary>
    public string Contract { get; }

    /// <summary>The contract's schema, relative to the schemas folder.</summary>
    public string SchemaPath { get; }

    /// <summary>Loads the payload file copied beside the program and checks it is valid for its contract.</summary>
    public static Payload Load(PayloadKind kind)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Payloads", PayloadSet.FileName(kind));
        var bytes = File.ReadAllBytes(path);
        var (contract, schema) = kind switch
        {
            PayloadKind.Small => (nameof(ActRequest), "v3/ActRequest.schema.json"),
            PayloadKind.Medium => (nameof(LLMListResponse), "v4/LLMListResponse.schema.json"),
            PayloadKind.Large => (nameof(ExtractRequest), "v3/ExtractRequest.schema.json"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var payload = new Payload(kind, bytes, contract, schema);
        var result = payload.ValidateGenerated();
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{path} is not a valid {contract}:\n{result}");
        }

        return payload;
    }

    /// <summary>The generated validator of this payload's contract.</summary>
    public ValidationResult ValidateGenerated() => Kind switch
    {
        PayloadKind.Small => ActRequest.Validate(Utf8),
        PayloadKind.Medium => LLMListResponse.Validate(Utf8),
        _ => ExtractRequest.Validate(Utf8),
    };

    public override string ToString() => Kind.ToString();
}

/// <summary>Where the payload files live.</summary>
internal static class PayloadSet
{
    public static string FileName(PayloadKind kind) => kind switch
    {
        PayloadKind.Small => "small.ActRequest.json",
        PayloadKind.Medium => "medium.LLMListResponse.json",
        _ => "large.ExtractRequest.json",
    };
}
