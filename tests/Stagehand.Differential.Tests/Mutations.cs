using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace Stagehand.Differential.Tests;

/// <summary>One document fed to both validators.</summary>
/// <param name="Mutation">What was done to the valid instance (<c>valid</c> when nothing was).</param>
/// <param name="Site">Where, and the schema there.</param>
/// <param name="Value">The value placed at the site (for value mutations).</param>
/// <param name="Document">The document as a tree (for a duplicate, without it); <paramref name="Sites"/> are the instance's sites.</param>
internal sealed record Case(string Contract, string Mutation, Site? Site, string Json, JsonNode? Value, string Detail)
{
    public JsonNode? Document { get; init; }

    public ImmutableList<Site> Sites { get; init; } = ImmutableList<Site>.Empty;

    public Duplicate? Duplicate { get; init; }

    public string? StringValue => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>Mutations of a valid instance: each targets one site and one keyword there.</summary>
internal static class Mutations
{
    public const string Valid = "valid";

    public static Gen<Case> Of(string contract, Generated instance)
    {
        var options = new List<(string Kind, Gen<Case> Gen)>();
        foreach (var site in instance.Sites)
        {
            foreach (var option in For(contract, instance, site))
            {
                options.Add(option);
            }
        }

        // Uniform over mutation kinds, then over the sites where that kind applies.
        var byKind = options.GroupBy(o => o.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Gen.OneOf(g.Select(o => o.Gen).ToArray())).ToArray();
        return byKind.Length == 0 ? Gen.Const(ValidCase(contract, instance)) : Gen.OneOf(byKind);
    }

    public static Case ValidCase(string contract, Generated instance) =>
        new(contract, Valid, null, JsonText.Write(instance.Value), instance.Value, string.Empty) { Document = instance.Value, Sites = instance.Sites };

    private static IEnumerable<(string, Gen<Case>)> For(string contract, Generated instance, Site site)
    {
        var schema = site.Schema;
        var current = JsonText.At(instance.Value, site.Path);
        var types = TypesOf(schema);

        Case Put(string kind, JsonNode? value, string detail)
        {
            var root = instance.Value?.DeepClone();
            root = JsonText.Replace(root, site.Path, value);
            return new Case(contract, kind, site, JsonText.Write(root), value, detail) { Document = root, Sites = instance.Sites };
        }

        Case Edit(string kind, Action<JsonNode> edit, string detail)
        {
            var root = instance.Value!.DeepClone();
            edit(JsonText.At(root, site.Path)!);
            return new Case(contract, kind, site, JsonText.Write(root), null, detail) { Document = root, Sites = instance.Sites };
        }

        // A value of another JSON type.
        var wrong = WrongTypes.Where(w => types is null ? w.Type != KindOf(current) : !types.Contains(w.Type) && !(w.Type == "integer" && types.Contains("number"))).ToArray();
        if (wrong.Length > 0)
        {
            yield return ("wrong-type", Gen.Int[0, wrong.Length - 1].Select(i => Put("wrong-type", wrong[i].Make(), wrong[i].Type)));
        }

        if (current is not null)
        {
            yield return ("null", Gen.Const(0).Select(_ => Put("null", null, string.Empty)));
        }

        if (current is JsonObject obj)
        {
            var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).Where(obj.ContainsKey).ToArray() ?? System.Array.Empty<string>();
            if (required.Length > 0)
            {
                yield return ("remove-required", Gen.Int[0, required.Length - 1].Select(i => Edit("remove-required", o => o.AsObject().Remove(required[i]), required[i])));
            }

            var isMap = schema["additionalProperties"] is JsonObject ap && ap.Count > 0 && schema["properties"] is null;
            var name = Gen.Frequency((3, Gen.Const("zzUnknown")), (1, InstanceGenerator.Text(1, 6))).Where(n => !obj.ContainsKey(n) && !(schema["properties"] is JsonObject p && p.ContainsKey(n)));
            var kind = isMap ? "map-entry" : "unknown-member";
            yield return (kind, Gen.Select(name, InstanceGenerator.AnyValue(1), (n, v) => Edit(kind, o => o.AsObject()[n] = v, n)));

            if (obj.Count > 0)
            {
                var names = obj.Select(p => p.Key).ToArray();
                yield return ("duplicate-member", Gen.Select(Gen.Int[0, names.Length - 1], Gen.Bool, InstanceGenerator.AnyValue(0), (i, same, other) =>
                {
                    var second = same ? obj[names[i]]?.DeepClone() : other;
                    var duplicate = new Duplicate(site.Path, names[i], second);
                    var json = JsonText.Write(instance.Value, duplicate);
                    return new Case(contract, "duplicate-member", site, json, second, names[i] + (same ? " (same value)" : " (another value)"))
                    {
                        Document = instance.Value,
                        Sites = instance.Sites,
                        Duplicate = duplicate,
                    };
                }));
            }
        }

        if (current is JsonArray array)
        {
            var min = schema["minItems"] is JsonValue a ? a.GetValue<int>() : (int?)null;
            var max = schema["maxItems"] is JsonValue b ? b.GetValue<int>() : (int?)null;
            if (min is > 0 && array.Count > 0)
            {
                yield return ("array-size", Gen.Const(0).Select(_ => Edit("array-size", n => { var x = n.AsArray(); while (x.Count >= min) x.RemoveAt(x.Count - 1); }, "below minItems")));
            }

            if (max is not null && array.Count > 0)
            {
                yield return ("array-size", Gen.Const(0).Select(_ => Edit("array-size", n => { var x = n.AsArray(); while (x.Count <= max) x.Add(x[0]?.DeepClone()); }, "above maxItems")));
            }
        }

        if (schema["enum"] is JsonArray values && current is JsonValue ev && ev.TryGetValue<string>(out var es))
        {
            var bad = new[] { es + "x", es.ToUpperInvariant(), " " + es, string.Empty, es.Length > 1 ? es.Substring(1) : "?" }
                .Where(s => !values.Any(v => v is JsonValue vv && vv.TryGetValue<string>(out var t) && t == s)).Distinct().ToArray();
            yield return ("bad-enum", Gen.Int[0, bad.Length - 1].Select(i => Put("bad-enum", JsonValue.Create(bad[i]), bad[i])));
        }

        if (schema["const"] is JsonValue constant)
        {
            JsonNode other = constant.TryGetValue<string>(out var cs) ? JsonValue.Create(cs + "x") : constant.TryGetValue<bool>(out var cb) ? JsonValue.Create(!cb) : JsonValue.Create("x");
            yield return ("bad-const", Gen.Const(0).Select(_ => Put("bad-const", other.DeepClone(), string.Empty)));
        }

        if (current is JsonValue nv && (types?.Contains("integer") == true || types?.Contains("number") == true) && nv.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var integer = types!.Contains("integer") && !types.Contains("number");
            var range = OutOfRange(schema, integer).ToArray();
            yield return ("out-of-range", Gen.Int[0, range.Length - 1].Select(i => Put("out-of-range", JsonText.RawNumber(range[i]), range[i])));
            if (integer)
            {
                var text = nv.ToJsonString();
                yield return ("integer-whole-decimal", Gen.OneOf(Gen.Const(text + ".0"), Gen.Const(text + "e0"), Gen.Const(text + ".000E0"))
                    .Select(t => Put("integer-whole-decimal", JsonText.RawNumber(t), t)));
            }
        }

        if (current is JsonValue sv && sv.TryGetValue<string>(out var str))
        {
            var format = schema["format"]?.GetValue<string>();
            var bad = format switch
            {
                "uuid" => BadUuids(str),
                "date-time" => BadDateTimes(str),
                "uri" => BadUris,
                _ => System.Array.Empty<string>(),
            };
            if (bad.Length > 0)
            {
                yield return ("bad-format", Gen.Int[0, bad.Length - 1].Select(i => Put("bad-format", JsonValue.Create(bad[i]), format + ": " + bad[i])));
            }

            var lengths = new List<Gen<string>>();
            if (schema["minLength"] is JsonValue minLength && minLength.GetValue<int>() > 0)
            {
                lengths.Add(InstanceGenerator.Text(minLength.GetValue<int>() - 1, minLength.GetValue<int>() - 1));
            }

            if (schema["maxLength"] is JsonValue maxLength)
            {
                lengths.Add(InstanceGenerator.Text(maxLength.GetValue<int>() + 1, maxLength.GetValue<int>() + 2));
            }

            if (lengths.Count > 0)
            {
                yield return ("string-length", Gen.OneOf(lengths.ToArray()).Select(s => Put("string-length", JsonValue.Create(s), InstanceGenerator.Length(s) + " code points")));
            }
        }
    }

    private static HashSet<string>? TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray a => a.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue v => new HashSet<string> { v.GetValue<string>() },
        _ when schema.ContainsKey("properties") => new HashSet<string> { "object" },
        _ => null,
    };

    private static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            _ => "boolean",
        },
        _ => "?",
    };

    private static readonly (string Type, Func<JsonNode?> Make)[] WrongTypes =
    {
        ("string", () => JsonValue.Create("text")),
        ("integer", () => JsonValue.Create(7)),
        ("number", () => JsonValue.Create(2.5)),
        ("boolean", () => JsonValue.Create(true)),
        ("array", () => new JsonArray()),
        ("object", () => new JsonObject()),
        ("null", () => null),
    };

    private static IEnumerable<string> OutOfRange(JsonObject schema, bool integer)
    {
        string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        foreach (var (keyword, step) in new[] { ("minimum", -1m), ("exclusiveMinimum", 0m), ("maximum", 1m), ("exclusiveMaximum", 0m) })
        {
            if (schema[keyword] is JsonValue bound)
            {
                var b = bound.GetValue<decimal>();
                yield return S(b + step);
                yield return S(b + step / 1000m);
                if (integer)
                {
                    yield return S(b + (step == 0 ? 0.5m : step / 2));
                }
            }
        }

        if (integer)
        {
            yield return "9223372036854775807";
            yield return "9223372036854775808";
            yield return "-9223372036854775809";
            yield return "123456789012345678901234567890";
            yield return "1e19";
            yield return "0.5";
        }
        else
        {
            yield return "1e400";
            yield return "-1e400";
            yield return "1e-400";
            yield return "123456789012345678901234567890.5";
        }
    }

    private static string[] BadUuids(string valid) => new[]
    {
        valid.Replace("-", string.Empty, StringComparison.Ordinal),
        "{" + valid + "}",
        "(" + valid + ")",
        valid.Substring(0, 35),
        valid + "0",
        "g" + valid.Substring(1),
        valid.Substring(0, 8) + valid.Substring(9, 5) + "-" + valid.Substring(14),
        "urn:uuid:" + valid,
        " " + valid,
        valid + "\n",
        valid.ToUpperInvariant(),
        "{0x00000000,0x0000,0x0000,{0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00}}",
        "٠٠٠٠٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠٠٠٠٠٠٠٠٠",
    };

    private static string[] BadDateTimes(string valid) => new[]
    {
        valid.Replace('T', ' ').Replace('t', ' '),
        valid.Replace('T', '_').Replace('t', '_'),
        valid.ToLowerInvariant(),
        valid.Substring(0, 10),
        valid.Substring(0, 19),
        valid.Substring(0, 16) + "Z",
        "2024-13-01T00:00:00Z",
        "2024-00-10T00:00:00Z",
        "2024-01-32T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-02-29T00:00:00Z",
        "2024-04-31T12:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T23:60:00Z",
        "2024-01-01T23:59:61Z",
        "2024-01-01T12:59:60Z",
        "1998-12-31T23:59:60+01:00",
        "1998-12-31T23:59:60Z",
        "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00+01:60",
        "2024-01-01T00:00:00+0100",
        "2024-01-01T00:00:00,5Z",
        "2024-1-01T00:00:00Z",
        "24-01-01T00:00:00Z",
        "2024-01-01T00:00Z",
        "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00 Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
        "2024-01-01T00:00:00.1234567890123Z",
        "２０２４-01-01T00:00:00Z",
        "2024",
        "20240101",
        " " + valid,
        valid + "\n",
    };

    private static readonly string[] BadUris =
    {
        "/relative/path",
        "relative/path",
        "//host/path",
        "#fragment",
        "http://exa mple.com/",
        "http://example.com/a b",
        "http://example.com/%zz",
        "http://example.com/%4",
        "http://[::1/",
        "1http://example.com",
        "ht tp://example.com",
        "http:\\\\example.com\\path",
        "\\\\server\\share",
        "C:\\Windows\\file.txt",
        "http://example.com/<tag>",
        "http://例え.jp/",
        "http://example.com/ü",
        "http://example.com:port/",
        "http://user@@example.com/",
        "http://example.com:99999/",
        "http://a_b.example.com/",
        "urn:isbn:0451450523",
        "HTTP://EXAMPLE.COM",
        "mailto",
        "http://example.com/\"quoted\"",
        "http://example.com/{x}",
        "http://example.com/a|b",
        "a:",
        "http:./localhost:9222/devtools",
        "a:b",
        "http://user@:80",
        "https://example.com'p?q=1",
        " http://example.com",
        "http://example.com\n",
        string.Empty,
    };
}
