using System;
using System.Text.Json;

namespace Stagehand.Benchmarks.Baselines;

/// <summary>The floor: a bare <see cref="Utf8JsonReader"/> that reads every token and does nothing else.</summary>
internal static class ReaderFloor
{
    /// <summary>Reads every token of <paramref name="utf8Json"/> with the same reader options the generated validator uses.</summary>
    public static int Scan(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 });
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
