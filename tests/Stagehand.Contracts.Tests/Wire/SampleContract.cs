using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>A record as the generator would emit for <c>{ "name": string minLength 1 (required), "count": integer 0..10, "tags": string[] }</c>.</summary>
internal sealed record Sample(string Name, int? Count, IReadOnlyList<string>? Tags, IReadOnlyDictionary<string, JsonAny>? Extra);

/// <summary>A hand-written reader that uses <see cref="ContractReadContext"/> the way generated code does.</summary>
internal static class SampleContract
{
    public static readonly string[] ReadOnlyMembers = ["id", "createdAt"];

    public static readonly ContractReadFunc<Sample> Reject = Create(UnknownMembers.Reject, null);
    public static readonly ContractReadFunc<Sample> Drop = Create(UnknownMembers.Drop, null);
    public static readonly ContractReadFunc<Sample> Keep = Create(UnknownMembers.Keep, null);
    public static readonly ContractReadFunc<Sample> DropRequest = Create(UnknownMembers.Drop, ReadOnlyMembers);
    public static readonly ContractReadFunc<Sample> RejectRequest = Create(UnknownMembers.Reject, ReadOnlyMembers);

    private static readonly StringRules NameRules = new(minLength: 1);
    private static readonly NumberRules CountRules = new(minimum: "0", maximum: "10", integer: true);

    public static ContractReadFunc<Sample> For(UnknownMembers unknown) => unknown switch
    {
        UnknownMembers.Reject => Reject,
        UnknownMembers.Drop => Drop,
        _ => Keep,
    };

    private static ContractReadFunc<Sample> Create(UnknownMembers unknown, string[]? readOnly) =>
        (ref Utf8JsonReader reader, ref ContractReadContext context, bool build, [MaybeNullWhen(false)] out Sample value) =>
        {
            bool valid = Read(ref reader, ref context, build, unknown, readOnly, out Sample? built);
            value = built!;
            return valid;
        };

    private static bool Read(ref Utf8JsonReader reader, ref ContractReadContext context, bool build, UnknownMembers unknown, string[]? readOnly, out Sample? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.TypeMismatch(ref reader, "an object");
            return false;
        }

        int mark = context.ErrorCount;
        ulong seen = 0;
        MemberNameSet names = default;
        string? name = null;
        int? count = null;
        List<string>? tags = null;
        Dictionary<string, JsonAny>? extra = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            context.PushProperty(ref reader);
            if (reader.ValueTextEquals("name"u8))
            {
                bool first = context.MarkSeen(ref seen, 0);
                reader.Read();
                if (context.TryReadString(ref reader, NameRules, build, out string? text) && first)
                {
                    name = text;
                }
            }
            else if (reader.ValueTextEquals("count"u8))
            {
                bool first = context.MarkSeen(ref seen, 1);
                reader.Read();
                if (context.TryReadInt32(ref reader, CountRules, out int number) && first)
                {
                    count = number;
                }
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                context.MarkSeen(ref seen, 2);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    context.TypeMismatch(ref reader, "an array");
                }
                else
                {
                    List<string>? items = build ? new List<string>() : null;
                    int index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        context.PushIndex(index++);
                        if (context.TryReadString(ref reader, null, build, out string? item) && items is not null)
                        {
                            items.Add(item!);
                        }

                        context.Pop();
                    }

                    tags = items;
                }
            }
            else if (context.UnknownMember(ref reader, ref names, unknown, readOnly, build, out string? key))
            {
                if (context.TryReadAny(ref reader, build, out JsonAny any) && build)
                {
                    (extra ??= new Dictionary<string, JsonAny>())[key!] = any;
                }
            }
            else
            {
                reader.Skip();
            }

            context.Pop();
        }

        if ((seen & 1) == 0)
        {
            context.AddMemberError("required", "name", "The member is required.");
        }

        bool valid = context.ErrorCount == mark;
        if (valid && build)
        {
            value = new Sample(name!, count, tags, extra);
        }

        return valid;
    }
}
