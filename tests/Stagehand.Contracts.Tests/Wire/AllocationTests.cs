using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>Validation of a valid document allocates nothing once warm, whatever the readers it goes through.</summary>
public sealed class AllocationTests
{
    private static readonly StringRules Pattern = new(minLength: 1, maxLength: 64, pattern: "^[a-z]+-\\d{2,}$");
    private static readonly NumberRules Ratio = new(exclusiveMinimum: "0", maximum: "1");
    private static readonly JsonAny Kind = JsonAny.Parse("\"local\"");
    private static readonly JsonAny Version = JsonAny.Parse("3");

    private static readonly ContractReadFunc<bool> ReadEverything = Read;

    [Fact]
    public void Every_value_reader_is_allocation_free_on_valid_input()
    {
        byte[] json = """
            {
              "id": "2eb8aa08-aa98-11ea-b4aa-73b441d16380",
              "at": "1998-12-31T23:59:60Z",
              "url": "https://example.com/a%20b?c=d#e",
              "slug": "abc-\u0031\u0032",
              "ratio": 0.25,
              "big": 9007199254740993,
              "on": true,
              "kind": "lo\u0063al",
              "version": 3.0,
              "any": {"a": [1, "x", null, {"b": false}]},
              "map": {"k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8}
            }
            """u8.ToArray();
        foreach (ReadPolicy policy in new[] { ReadPolicy.AsDeclared, ReadPolicy.Tolerant })
        {
            ContractReadOptions options = new() { Policy = policy };
            Assert.Same(ValidationResult.Valid, ContractJson.Validate(json, options, ReadEverything));

            long before = GC.GetAllocatedBytesForCurrentThread();
            ValidationResult result = ContractJson.Validate(json, options, ReadEverything);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Same(ValidationResult.Valid, result);
            Assert.Equal(0, allocated);
        }
    }

    [Fact]
    public void Keeping_unknown_members_is_allocation_free_when_only_validating()
    {
        byte[] json = """{"name":"x","tags":["a"],"extra":{"deep":[1,2,{"x":"\u00e9"}]},"more":"v"}"""u8.ToArray();
        Assert.Same(ValidationResult.Valid, ContractJson.Validate(json, null, SampleContract.Keep));
        long before = GC.GetAllocatedBytesForCurrentThread();
        ValidationResult result = ContractJson.Validate(json, null, SampleContract.Keep);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal(0, allocated);
    }

    private static bool Read(ref Utf8JsonReader reader, ref ContractReadContext context, bool build, [MaybeNullWhen(false)] out bool value)
    {
        value = false;
        int mark = context.ErrorCount;
        MemberNameSet names = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            context.PushProperty(ref reader);
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                context.TryReadGuid(ref reader, null, out _);
            }
            else if (reader.ValueTextEquals("at"u8))
            {
                reader.Read();
                context.TryReadDateTimeOffset(ref reader, StringRules.DateTime, out _);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                reader.Read();
                context.TryReadUri(ref reader, StringRules.Uri, build, out _);
            }
            else if (reader.ValueTextEquals("slug"u8))
            {
                reader.Read();
                context.TryReadString(ref reader, Pattern, build, out _);
                context.CheckString(ref reader, Pattern);
            }
            else if (reader.ValueTextEquals("ratio"u8))
            {
                reader.Read();
                context.TryReadDouble(ref reader, Ratio, out _);
                context.CheckNumber(ref reader, Ratio);
            }
            else if (reader.ValueTextEquals("big"u8))
            {
                reader.Read();
                context.TryReadInt64(ref reader, null, out _);
            }
            else if (reader.ValueTextEquals("on"u8))
            {
                reader.Read();
                context.TryReadBoolean(ref reader, out _);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                if (!context.ValueEquals(ref reader, Kind))
                {
                    context.AddError("const", "Expected local.");
                }
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                int mark2 = context.BeginTrial();
                context.TryReadInt32(ref reader, null, out _);
                context.EndTrial(mark2);
                if (!context.ValueEquals(ref reader, Version))
                {
                    context.AddError("const", "Expected 3.");
                }
            }
            else if (reader.ValueTextEquals("map"u8))
            {
                reader.Read();
                MemberNameSet keys = default;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    context.PushProperty(ref reader);
                    context.TryReadPropertyName(ref reader, ref keys, build, out _);
                    reader.Read();
                    context.TryReadInt32(ref reader, null, out _);
                    context.Pop();
                }
            }
            else if (context.UnknownMember(ref reader, ref names, UnknownMembers.Keep, null))
            {
                context.TryReadAny(ref reader, build, out _);
            }
            else
            {
                reader.Skip();
            }

            context.Pop();
        }

        value = context.ErrorCount == mark;
        return value;
    }
}
