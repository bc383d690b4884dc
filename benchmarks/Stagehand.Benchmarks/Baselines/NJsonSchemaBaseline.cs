using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Stagehand.Benchmarks.Baselines;

/// <summary>NJsonSchema 11.6.2 over the bundled equivalent of one of our schema files.</summary>
internal static class NJsonSchemaBaseline
{
    /// <summary>Reads the bundled schema of <paramref name="relativePath"/> (see <see cref="SchemaBundler"/>).</summary>
    public static JsonSchema Load(string relativePath) =>
        JsonSchema.FromJsonAsync(SchemaBundler.Bundle(relativePath)).GetAwaiter().GetResult();

    /// <summary>Parses JSON text into a token the way NJsonSchema's own <c>Validate(string)</c> does (dates left as strings).</summary>
    public static JToken ReadToken(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Throws unless NJsonSchema accepts <paramref name="text"/>: the baseline must do the same work as ours on a valid document.</summary>
    public static void RequireValid(JsonSchema schema, string text, string what)
    {
        var errors = schema.Validate(text);
        if (errors.Count != 0)
        {
            throw new InvalidOperationException($"NJsonSchema rejects the {what} payload: " + string.Join("; ", errors.Take(5).Select(e => e.ToString())));
        }
    }
}
