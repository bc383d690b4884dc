using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>Small helpers shared by the wire-behaviour tests.</summary>
internal static class WireAssert
{
    public static readonly ContractReadOptions AsDeclared = new() { Policy = ReadPolicy.AsDeclared };
    public static readonly ContractReadOptions Strict = new() { Policy = ReadPolicy.Strict };
    public static readonly ContractReadOptions Tolerant = new() { Policy = ReadPolicy.Tolerant };

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Writes a value with its generated writer.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    public static string Describe(ValidationResult result) => result.IsValid ? "valid" : string.Join(" | ", result.Errors.Select(e => $"{e.Pointer} [{e.Keyword}] {e.Message}"));

    public static void Valid(ValidationResult result, string because = "")
    {
        Assert.True(result.IsValid, $"expected valid {because}; got: {Describe(result)}");
    }

    /// <summary>Asserts that the result holds an error at exactly <paramref name="pointer"/> with <paramref name="keyword"/>.</summary>
    public static ValidationError HasError(ValidationResult result, string pointer, string keyword)
    {
        Assert.False(result.IsValid, $"expected an error {keyword} at '{pointer}', but the document was valid");
        // A depth error points at the value where the limit was passed, which lies below the member that nests.
        var match = result.Errors.FirstOrDefault(e => e.Keyword == keyword
            && (e.Pointer == pointer || (keyword == "maxDepth" && e.Pointer.StartsWith(pointer + "/", StringComparison.Ordinal))));
        Assert.True(match is not null, $"expected an error {keyword} at '{pointer}'; got: {Describe(result)}");
        return match!;
    }

    /// <summary>Asserts that the only errors are exactly these (pointer, keyword) pairs, in any order.</summary>
    public static void ExactErrors(ValidationResult result, params (string Pointer, string Keyword)[] expected)
    {
        var actual = result.Errors.Select(e => (e.Pointer, e.Keyword)).OrderBy(p => p.Pointer, StringComparer.Ordinal).ThenBy(p => p.Keyword, StringComparer.Ordinal).ToArray();
        var wanted = expected.OrderBy(p => p.Pointer, StringComparer.Ordinal).ThenBy(p => p.Keyword, StringComparer.Ordinal).ToArray();
        Assert.True(actual.SequenceEqual(wanted), $"expected errors [{string.Join(", ", wanted.Select(w => w.Pointer + " " + w.Keyword))}]; got: {Describe(result)}");
    }
}
