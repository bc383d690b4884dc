using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// Issue #10: <see cref="ContractReadOptions.MaxDepth"/> may be raised to 4096, and a document that deep must then give a
/// <c>maxDepth</c> error (or a value) on whatever stack the caller has, never a stack overflow that ends the process.
/// </summary>
/// <remarks>
/// Every read runs on a thread with a 256 KiB stack and records what happened (an exception is caught, not thrown), so once
/// the guards are in place these tests can only fail by assertion. Before, the first read ended the test host.
/// </remarks>
public sealed class StackDepthTests
{
    private const int Depth = 4096;
    private const int SmallStack = 256 * 1024;
    private const int LargeStack = 64 * 1024 * 1024;

    private static readonly ContractReadOptions Deep = new() { MaxDepth = Depth };

    /// <summary>Arrays nested so that the document, root included, nests exactly <see cref="Depth"/> levels.</summary>
    private static string Arrays(int outerLevels) => new string('[', Depth - outerLevels) + new string(']', Depth - outerLevels);

    /// <summary>(contract, document, pointer of the member that nests, reader into the contract's type).</summary>
    public static TheoryData<string, string, string> Documents => new()
    {
        // A member kept as JsonAny (AgentAction keeps unknown members).
        { "AgentAction", """{"type":"click","trace":""" + Arrays(1) + "}", "/trace" },

        // A free-form map of JsonAny values.
        { "ExtractRequest", """{"instruction":"x","schema":{"properties":""" + Arrays(2) + "}}", "/schema/properties" },

        // A dropped member inside an array of records: still walked, to check its text.
        { "ActOutcome", """{"success":true,"message":"m","actionDescription":"d","actions":[{"selector":"#a","description":"a","extra":""" + Arrays(3) + "}]}", "/actions/0/extra" },
    };

    private static T OnThread<T>(int stackSize, Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            stackSize);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("The work threw on its thread.", failure);
    }

    /// <summary>Runs every read on its thread and describes each outcome; exceptions become text.</summary>
    private static Dictionary<string, string> ReadAll(int stackSize, ContractDescriptor contract, byte[] json) => OnThread(stackSize, () =>
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Try(string name, Func<string> read)
        {
            try
            {
                outcomes[name] = read();
            }
            catch (Exception exception)
            {
                outcomes[name] = "threw " + exception.GetType().Name + ": " + exception.Message;
            }
        }

        Try("Validate", () => Describe(contract.Validate(json, Deep)));
        Try("TryParse", () => contract.TryParse(json, Deep, out var value, out var result) ? "built " + value!.GetType().Name : Describe(result));
        Try("Parse", () => ParseThroughType(contract)(json));
        Try("JsonSerializer", () => Built(JsonSerializer.Deserialize(json, contract.Type, new JsonSerializerOptions { MaxDepth = Depth + 1 })));
        Try("JsonSerializer (resolver)", () => Built(JsonSerializer.Deserialize(json, contract.Type, new JsonSerializerOptions { MaxDepth = Depth + 1, TypeInfoResolver = StagehandContracts.JsonResolver })));
        return outcomes;
    });

    private static string Built(object? value) => value is null ? "null" : "built " + value.GetType().Name;

    /// <summary>The type's static Parse(ReadOnlySpan&lt;byte&gt;, ContractReadOptions), which a delegate can call with a span.</summary>
    private static Func<byte[], string> ParseThroughType(ContractDescriptor contract) => contract.Name switch
    {
        "AgentAction" => json => ParseOutcome(() => V3.AgentAction.Parse(json, Deep)),
        "ExtractRequest" => json => ParseOutcome(() => V3.ExtractRequest.Parse(json, Deep)),
        "ActOutcome" => json => ParseOutcome(() => V3.ActOutcome.Parse(json, Deep)),
        _ => throw new ArgumentOutOfRangeException(nameof(contract), contract.Name, "no typed Parse bound"),
    };

    private static string ParseOutcome(Func<object> parse)
    {
        try
        {
            return Built(parse());
        }
        catch (ContractValidationException exception)
        {
            return Describe(exception.Result);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_nested_MaxDepth_deep_is_a_maxDepth_error_on_a_small_stack(string name, string document, string member)
    {
        Assert.True(StagehandContracts.Registry.TryGet(name, out var contract));
        var json = Utf8(document);

        var outcomes = ReadAll(SmallStack, contract!, json);

        // Validate, TryParse and Parse: one maxDepth error, inside the member that nests. Where the stack runs short depends
        // on the frames below the read, so the three may stop a level or two apart.
        foreach (var reader in new[] { "Validate", "TryParse", "Parse" })
        {
            var outcome = outcomes[reader];
            Assert.True(outcome.StartsWith(member + "/0/0/", StringComparison.Ordinal) && outcome.Contains("[maxDepth]", StringComparison.Ordinal) && !outcome.Contains(" | ", StringComparison.Ordinal),
                $"{name} {reader}: expected one maxDepth error under {member}; got {outcome}");
        }


        // JsonSerializer reads with the contract's default limit (64 levels): a validation error too, never a crash.
        foreach (var serializer in new[] { "JsonSerializer", "JsonSerializer (resolver)" })
        {
            Assert.True(outcomes[serializer].StartsWith("threw ContractValidationException", StringComparison.Ordinal) && outcomes[serializer].Contains("maxDepth", StringComparison.Ordinal),
                $"{name} {serializer}: {outcomes[serializer]}");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_same_document_is_valid_where_the_stack_allows(string name, string document, string member)
    {
        Assert.True(StagehandContracts.Registry.TryGet(name, out var contract));
        var json = Utf8(document);

        var outcomes = ReadAll(LargeStack, contract!, json);

        Assert.True(outcomes["Validate"] == "valid", $"{name} {member}: {outcomes["Validate"]}");
        Assert.Equal("built " + contract!.Type.Name, outcomes["TryParse"]);
        Assert.Equal("built " + contract.Type.Name, outcomes["Parse"]);
    }

    [Fact]
    public void A_value_built_deep_is_validated_written_compared_and_hashed_on_a_small_stack()
    {
        var json = Utf8("""{"type":"click","trace":""" + Arrays(1) + "}");
        var action = OnThread(LargeStack, () => V3.AgentAction.Parse(json, Deep));
        var copy = OnThread(LargeStack, () => V3.AgentAction.Parse(json, Deep));

        var outcome = OnThread(SmallStack, () =>
        {
            var results = new List<string>();
            void Try(string what, Func<object?> work)
            {
                try
                {
                    results.Add(what + ": " + work());
                }
                catch (Exception exception)
                {
                    results.Add(what + ": threw " + exception.GetType().Name);
                }
            }

            Try("Validate()", () => Describe(action.Validate()));
            Try("WriteTo", () =>
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { MaxDepth = Depth + 1 }))
                {
                    action.WriteTo(writer);
                }

                return stream.ToArray().AsSpan().SequenceEqual(json) ? "same JSON" : Encoding.UTF8.GetString(stream.ToArray());
            });
            Try("JsonSerializer", () => JsonSerializer.SerializeToUtf8Bytes(action, new JsonSerializerOptions { MaxDepth = Depth + 1 }).AsSpan().SequenceEqual(json) ? "same JSON" : "other JSON");
            Try("Equals", () => action.Equals(copy));
            Try("GetHashCode", () => action.GetHashCode() == copy.GetHashCode());
            return results;
        });

        Assert.Equal(
            new[] { "Validate(): valid", "WriteTo: same JSON", "JsonSerializer: same JSON", "Equals: True", "GetHashCode: True" },
            outcome);
    }
}
