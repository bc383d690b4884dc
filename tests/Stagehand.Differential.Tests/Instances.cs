using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Stagehand.Differential.Tests;

/// <summary>How a generated value came to be where it is.</summary>
[Flags]
internal enum SiteFlags
{
    None = 0,

    /// <summary>The value is (inside) a branch of a <c>oneOf</c>.</summary>
    UnderOneOf = 1,

    /// <summary>The value is (inside) a branch of an <c>anyOf</c>.</summary>
    UnderAnyOf = 2,

    /// <summary>The value is (inside) a member marked <c>x-stagehand-clientOnly</c>.</summary>
    ClientOnly = 4,

    /// <summary>The value is (inside) a <c>{}</c> / <c>true</c> schema: anything goes.</summary>
    Any = 8,

    /// <summary>The value is an entry of a map (<c>additionalProperties</c> schema).</summary>
    MapEntry = 16,
}

/// <summary>One place in a generated instance, the schema that produced it, and how it got there.</summary>
/// <param name="Path">Member names (string) and array indexes (int) from the root.</param>
/// <param name="File">The schema file <paramref name="Schema"/> lives in.</param>
/// <param name="Schema">The schema the value was generated from (after <c>$ref</c>s and union branches).</param>
internal sealed record Site(ImmutableArray<object> Path, string File, JsonObject Schema, SiteFlags Flags)
{
    public string Pointer => Path.Length == 0 ? string.Empty : "/" + string.Join("/", Path.Select(p => p is int i
        ? i.ToString(CultureInfo.InvariantCulture)
        : ((string)p).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    public Site Under(object segment) => this with { Path = Path.Insert(0, segment) };
}

/// <summary>A generated value and every site in it.</summary>
internal sealed record Generated(JsonNode? Value, ImmutableList<Site> Sites);

/// <summary>
/// A schema-driven CsCheck generator of VALID instances, written against the schema files directly (it shares no
/// code with the generator under test). Every keyword it meets must be one it knows how to satisfy; anything else
/// throws, so a new keyword in the schemas cannot silently produce invalid "valid" instances.
/// </summary>
/// <remarks>
/// A recursive schema (a <c>$ref</c> back to a schema it is inside, as a JSON value's arrays and objects of JSON values)
/// is unrolled <see cref="MaxUnrolling"/> times; below that, only what needs no further recursion is generated: the other
/// branches of an <c>anyOf</c>/<c>oneOf</c>, an empty array, an object without the optional member or the map entries.
/// </remarks>
internal sealed class InstanceGenerator
{
    /// <summary>How many times one <c>$ref</c> target may be entered on the way down to a value.</summary>
    private const int MaxUnrolling = 2;

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
        // OpenAPI's example, and the content keywords, which draft 2020-12 makes annotations only (nothing asserts them).
        "example", "contentEncoding", "contentMediaType",
    };

    private readonly SchemaStore _store;

    /// <summary>The <c>$ref</c> targets entered on the way to the schema being read, and how many times each.</summary>
    private readonly Dictionary<string, int> _entered = new(StringComparer.Ordinal);

    public InstanceGenerator(SchemaStore store) => _store = store;

    public Gen<Generated> For(SchemaStore.Located schema) => For(schema.File, schema.Node, SiteFlags.None, 0);

    private Gen<Generated> For(string file, JsonNode schema, SiteFlags flags, int depth)
    {
        if (depth > 40)
        {
            throw new NotSupportedException("Schema nesting deeper than 40 (a recursive $ref?) in " + file);
        }

        if (schema is JsonValue boolean && boolean.TryGetValue<bool>(out var b))
        {
            return b
                ? AnyValue(2).Select(v => Leaf(v, file, new JsonObject(), flags | SiteFlags.Any))
                : throw new NotSupportedException("No valid instance of the schema false in " + file);
        }

        var obj = schema.AsObject();
        var keywords = obj.Select(p => p.Key).Where(k => !Annotations.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal)).ToHashSet();
        if (obj["x-stagehand-clientOnly"] is JsonValue co && co.GetValue<bool>())
        {
            flags |= SiteFlags.ClientOnly;
        }

        if (keywords.Contains("$ref"))
        {
            Only(keywords, file, "$ref");
            var target = _store.Resolve(file, obj["$ref"]!.GetValue<string>());
            var key = target.ToString();
            var entered = _entered.GetValueOrDefault(key);
            if (entered >= MaxUnrolling)
            {
                throw new RecursionTooDeep(key);
            }

            _entered[key] = entered + 1;
            try
            {
                return For(target.File, target.Node, flags, depth + 1);
            }
            finally
            {
                _entered[key] = entered;
            }
        }

        if (keywords.Contains("allOf"))
        {
            Only(keywords, file, "allOf");
            var branches = obj["allOf"]!.AsArray();
            return branches.Count == 1
                ? For(file, branches[0]!, flags, depth + 1)
                : throw new NotSupportedException("allOf with more than one branch in " + file);
        }

        foreach (var (keyword, flag) in new[] { ("anyOf", SiteFlags.UnderAnyOf), ("oneOf", SiteFlags.UnderOneOf) })
        {
            if (keywords.Contains(keyword))
            {
                Only(keywords, file, keyword);
                var branches = new List<Gen<Generated>>();
                RecursionTooDeep? tooDeep = null;
                foreach (var branch in obj[keyword]!.AsArray())
                {
                    try
                    {
                        branches.Add(For(file, branch!, flags | flag, depth + 1));
                    }
                    catch (RecursionTooDeep e)
                    {
                        // Leaving a branch out keeps every value valid: each comes from a branch that is still there.
                        tooDeep = e;
                    }
                }

                return branches.Count > 0 ? Gen.OneOf(branches.ToArray()) : throw tooDeep!;
            }
        }

        if (keywords.Contains("const"))
        {
            var value = obj["const"];
            return Gen.Const(0).Select(_ => Leaf(value?.DeepClone(), file, obj, flags));
        }

        if (keywords.Contains("enum"))
        {
            var values = obj["enum"]!.AsArray();
            return Gen.Int[0, values.Count - 1].Select(i => Leaf(values[i]?.DeepClone(), file, obj, flags));
        }

        var types = obj["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue v => new[] { v.GetValue<string>() },
            null when keywords.Overlaps(new[] { "properties", "required", "additionalProperties" }) => new[] { "object" },
            null when keywords.Overlaps(new[] { "items", "minItems", "maxItems" }) => new[] { "array" },
            null when keywords.Count == 0 => Array.Empty<string>(),
            _ => throw new NotSupportedException("A schema without type that constrains " + string.Join(",", keywords) + " in " + file),
        };
        if (types.Length == 0)
        {
            return AnyValue(2).Select(v => Leaf(v, file, obj, flags | SiteFlags.Any));
        }

        return Gen.OneOf(types.Select(type => ForType(type, file, obj, keywords, flags, depth)).ToArray());
    }

    private static void Only(HashSet<string> keywords, string file, string keyword)
    {
        if (keywords.Count != 1)
        {
            throw new NotSupportedException(keyword + " beside " + string.Join(",", keywords.Where(k => k != keyword)) + " in " + file);
        }
    }

    private static Generated Leaf(JsonNode? value, string file, JsonObject schema, SiteFlags flags) =>
        new(value, ImmutableList.Create(new Site(ImmutableArray<object>.Empty, file, schema, flags)));

    private Gen<Generated> ForType(string type, string file, JsonObject obj, HashSet<string> keywords, SiteFlags flags, int depth)
    {
        switch (type)
        {
            case "null":
                return Gen.Const(0).Select(_ => Leaf(null, file, obj, flags));
            case "boolean":
                return Gen.Bool.Select(v => Leaf(JsonValue.Create(v), file, obj, flags));
            case "integer":
                return Integers(obj).Select(v => Leaf(v, file, obj, flags));
            case "number":
                return Numbers(obj).Select(v => Leaf(v, file, obj, flags));
            case "string":
                return Strings(obj, file).Select(v => Leaf(v, file, obj, flags));
            case "array":
                return ArrayOf(file, obj, flags, depth);
            case "object":
                return ObjectOf(file, obj, flags, depth);
            default:
                throw new NotSupportedException("Unknown type " + type + " in " + file);
        }
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    private static (decimal? Lo, bool LoExclusive, decimal? Hi, bool HiExclusive) Bounds(JsonObject obj)
    {
        decimal? D(string k) => obj[k] is JsonValue v ? v.GetValue<decimal>() : null;
        var lo = D("minimum");
        var xlo = D("exclusiveMinimum");
        var hi = D("maximum");
        var xhi = D("exclusiveMaximum");
        var loExclusive = false;
        var hiExclusive = false;
        if (xlo is not null && (lo is null || xlo >= lo))
        {
            lo = xlo;
            loExclusive = true;
        }

        if (xhi is not null && (hi is null || xhi <= hi))
        {
            hi = xhi;
            hiExclusive = true;
        }

        return (lo, loExclusive, hi, hiExclusive);
    }

    private static Gen<JsonNode?> Integers(JsonObject obj)
    {
        Unsupported(obj, "multipleOf");
        var (lo, lx, hi, hx) = Bounds(obj);
        var min = lo is null ? long.MinValue : (long)(lx ? Math.Floor(lo.Value) + 1 : Math.Ceiling(lo.Value));
        var max = hi is null ? long.MaxValue : (long)(hx ? Math.Ceiling(hi.Value) - 1 : Math.Floor(hi.Value));
        long Clamp(long v) => Math.Min(max, Math.Max(min, v));
        return Gen.Frequency(
                (4, Gen.Long[Clamp(-1000), Clamp(1000)]),
                (3, Gen.Long[min, max]),
                (1, Gen.OneOf(Gen.Const(min), Gen.Const(max), Gen.Const(Clamp(min + 1)), Gen.Const(Clamp(max - 1)), Gen.Const(Clamp(0)))))
            .Select(v => (JsonNode?)JsonValue.Create(v));
    }

    private static Gen<JsonNode?> Numbers(JsonObject obj)
    {
        Unsupported(obj, "multipleOf");
        var (lo, lx, hi, hx) = Bounds(obj);
        bool Fits(decimal v) => (lo is null || (lx ? v > lo : v >= lo)) && (hi is null || (hx ? v < hi : v <= hi));
        var decimals = Gen.Frequency(
            (3, Gen.Long[-100000, 100000].Select(v => (decimal)v)),
            (3, Gen.Long[-10_000_000, 10_000_000].Select(v => v / 1000m)),
            (1, Gen.Long[long.MinValue, long.MaxValue].Select(v => (decimal)v)),
            (1, Gen.Int[0, 6].Select(k => new[] { 0m, 0.5m, 1m, -1m, 1e-10m, 9007199254740993m, 0.1m }[k])),
            (2, Gen.Const(0).Select(_ => lo ?? 0m)),
            (2, Gen.Const(0).Select(_ => hi ?? 0m)));
        var doubles = Gen.OneOf(Gen.Const(1.5e300), Gen.Const(-2.5e-300), Gen.Const(6.02214076e23), Gen.Const(1e20), Gen.Const(-0.0));
        return Gen.Frequency(
            (6, decimals.Select(d => Fits(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(Mid(lo, hi)))),
            (1, doubles.Select(d => lo is null && hi is null ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(Mid(lo, hi)))));
    }

    private static decimal Mid(decimal? lo, decimal? hi) => lo is not null && hi is not null ? (lo.Value + hi.Value) / 2 : lo is not null ? lo.Value + 1 : hi is not null ? hi.Value - 1 : 0m;

    private static void Unsupported(JsonObject obj, params string[] keywords)
    {
        foreach (var k in keywords)
        {
            if (obj.ContainsKey(k))
            {
                throw new NotSupportedException("The instance generator does not handle " + k);
            }
        }
    }

    // ---- strings ----------------------------------------------------------------------------------------------

    /// <summary>A code point: mostly printable ASCII, plus JSON escapes, controls, Latin, CJK and astral characters.</summary>
    public static readonly Gen<string> CodePoint = Gen.Frequency(
        (20, Gen.Int[0x20, 0x7E]),
        (2, Gen.Int[0x00, 0x1F]),
        (2, Gen.OneOf(Gen.Const((int)'"'), Gen.Const((int)'\\'), Gen.Const((int)'/'))),
        (2, Gen.Int[0xA0, 0x2FF]),
        (1, Gen.Int[0x4E00, 0x4E80]),
        (1, Gen.Int[0x1F600, 0x1F64F]),
        (1, Gen.Int[0xE000, 0xFFFD])).Select(char.ConvertFromUtf32);

    public static Gen<string> Text(int minCodePoints, int maxCodePoints) =>
        CodePoint.Array[minCodePoints, maxCodePoints].Select(parts => string.Concat(parts));

    private Gen<JsonNode?> Strings(JsonObject obj, string file)
    {
        var min = obj["minLength"] is JsonValue a ? a.GetValue<int>() : 0;
        var max = obj["maxLength"] is JsonValue b ? b.GetValue<int>() : Math.Max(min + 12, 12);
        var format = obj["format"]?.GetValue<string>();
        if (obj["pattern"] is JsonValue pattern)
        {
            if (format is "uuid" or "date-time" or "uri")
            {
                throw new NotSupportedException("The instance generator does not handle pattern beside format " + format + " in " + file);
            }

            var matching = PatternStrings.For(pattern.GetValue<string>(), file);
            if (obj.ContainsKey("minLength") || obj.ContainsKey("maxLength"))
            {
                matching = matching.Where(s => Length(s) >= min && Length(s) <= max);
            }

            return matching.Select(s => (JsonNode?)JsonValue.Create(s));
        }

        Gen<string> text = format switch
        {
            "uuid" => Uuids,
            "date-time" => DateTimes,
            "uri" => Uris,
            _ => Gen.Frequency(
                (8, Text(min, Math.Min(max, min + 12))),
                (1, Gen.Const(0).Select(_ => new string('a', min))),
                (1, Text(max, max))),
        };
        if (format is "uuid" or "date-time" or "uri" && (obj.ContainsKey("minLength") || obj.ContainsKey("maxLength")))
        {
            text = text.Where(s => Length(s) >= min && Length(s) <= max);
        }

        return text.Select(s => (JsonNode?)JsonValue.Create(s));
    }

    public static int Length(string s) => s.EnumerateRunes().Count();

    public static readonly Gen<string> Uuids = Gen.Frequency(
        (4, Gen.Guid.Select(g => g.ToString("D"))),
        (1, Gen.Guid.Select(g => g.ToString("D").ToUpperInvariant())),
        (1, Gen.OneOf(Gen.Const("00000000-0000-0000-0000-000000000000"), Gen.Const("ffffffff-ffff-ffff-ffff-ffffffffffff"))));

    /// <summary>RFC 3339 date-times: every calendar day, offsets, fractions, lowercase t/z and the leap second.</summary>
    public static readonly Gen<string> DateTimes = Gen.Frequency(
        (30, Gen.Select(
                Gen.Frequency((12, Gen.Int[1900, 2100]), (4, Gen.Int[1, 9999]), (1, Gen.OneOf(Gen.Const(0), Gen.Const(1), Gen.Const(9999), Gen.Const(2000), Gen.Const(1600)))),
                Gen.Int[1, 12],
                Gen.Int[1, 31],
                Gen.Int[0, 23],
                Gen.Int[0, 59],
                Gen.Int[0, 59],
                (y, mo, d, h, mi, s) => FormattableString.Invariant($"{y:0000}-{mo:00}-{Math.Min(d, Rfc.DaysIn(y, mo)):00}|{h:00}:{mi:00}:{s:00}"))
            .SelectMany(stamp => Gen.Select(
                Gen.Frequency((8, Gen.Const("T")), (1, Gen.Const("t"))),
                Gen.Frequency((3, Gen.Const(string.Empty)), (2, Gen.Int[0, 9].Array[1, 9].Select(d => "." + string.Concat(d)))),
                Gen.Frequency(
                    (3, Gen.Const("Z")),
                    (1, Gen.Const("z")),
                    (1, Gen.Const("+00:00")),
                    (3, Gen.Select(Gen.OneOf(Gen.Const('+'), Gen.Const('-')), Gen.Int[0, 13], Gen.Int[0, 59], (s, h, m) => FormattableString.Invariant($"{s}{h:00}:{m:00}"))),
                    (1, Gen.Select(Gen.OneOf(Gen.Const('+'), Gen.Const('-')), Gen.Int[14, 23], Gen.Int[0, 59], (s, h, m) => FormattableString.Invariant($"{s}{h:00}:{m:00}")))),
                (t, fraction, offset) => stamp.Replace("|", t, StringComparison.Ordinal) + fraction + offset))),
        (1, Gen.OneOf(Gen.Const("1998-12-31T23:59:60Z"), Gen.Const("1998-12-31T15:59:60.123-08:00"), Gen.Const("2016-12-31t23:59:60z"))));

    private static readonly string Unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static readonly string SubDelims = "!$&'()*+,;=";

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Int[0, alphabet.Length - 1].Array[min, max].Select(ix => new string(ix.Select(i => alphabet[i]).ToArray()));

    private static readonly Gen<string> PctEncoded = Gen.Int[0, 255].Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture));

    private static readonly Gen<string> Segment = Gen.Frequency(
        (6, Chars(Unreserved, 1, 8)),
        (1, Chars(Unreserved + SubDelims + ":@", 1, 6)),
        (1, PctEncoded)).Array[1, 3].Select(string.Concat);

    private static readonly Gen<string> Host = Gen.Frequency(
        (6, Chars("abcdefghijklmnopqrstuvwxyz0123456789", 1, 8).Array[1, 3].Select(labels => string.Join(".", labels))),
        (1, Gen.Int[0, 255].Array[4].Select(o => string.Join(".", o))),
        (1, Gen.OneOf(Gen.Const("localhost"), Gen.Const("[::1]"), Gen.Const("[2001:db8::7]"), Gen.Const("example.com"))));

    /// <summary>
    /// RFC 3986 URIs that System.Uri refuses, so a contract uri refuses them too (docs/schema-dialect.md): a path after the
    /// scheme that looks like an address (http:./localhost:9222), a one-letter scheme (a:b, a drive letter to System.Uri),
    /// an empty host behind a user or a port (http://user@:80), a sub-delimiter in a web host (example.com'p), a port past
    /// 65535. Validate and TryParse must refuse each alike.
    /// </summary>
    public static readonly Gen<string> UrisSystemUriRefuses = Gen.OneOf(
        Gen.Select(Gen.OneOf(Gen.Const("http"), Gen.Const("https"), Gen.Const("ws")), Host.Where(h => !h.StartsWith('[')), Gen.Int[1, 65535], Segment,
            (scheme, host, port, path) => scheme + ":./" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/" + path),
        Gen.Select(Chars("abcdefghijklmnopqrstuvwxyz", 1, 1), Segment, (scheme, path) => scheme + ":" + path),
        Gen.Select(Gen.OneOf(Gen.Const("http"), Gen.Const("https")), Chars(Unreserved, 1, 6), Gen.Int[0, 65535],
            (scheme, user, port) => scheme + "://" + user + "@:" + port.ToString(CultureInfo.InvariantCulture)),
        Gen.Select(Gen.OneOf(Gen.Const("http"), Gen.Const("https")), Chars("abcdefghijklmnopqrstuvwxyz", 1, 8), Chars(SubDelims, 1, 1), Chars("abcdefghijklmnopqrstuvwxyz", 1, 3), Segment,
            (scheme, name, delimiter, more, query) => scheme + "://" + name + ".com" + delimiter + more + "?" + query),
        Gen.Select(Host.Where(h => !h.StartsWith('[')), Gen.Int[65536, 999999], (host, port) => "http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/"));

    /// <summary>RFC 3986 absolute URIs, a few of them ones System.Uri refuses.</summary>
    public static readonly Gen<string> Uris = Gen.Frequency(
        (1, UrisSystemUriRefuses),
        (6, Gen.Select(
            Gen.OneOf(Gen.Const("http"), Gen.Const("https"), Gen.Const("ftp"), Gen.Const("ws"), Gen.Const("HTTP")),
            Gen.Frequency((6, Gen.Const(string.Empty)), (1, Chars(Unreserved, 1, 6).Select(u => u + "@"))),
            Host,
            Gen.Frequency((4, Gen.Const(string.Empty)), (1, Gen.Int[1, 65535].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture)))),
            Segment.Array[0, 3].Select(s => string.Concat(s.Select(x => "/" + x))),
            Gen.Frequency((4, Gen.Const(string.Empty)), (1, Segment.Select(q => "?" + q))),
            Gen.Frequency((4, Gen.Const(string.Empty)), (1, Segment.Select(f => "#" + f))),
            (scheme, user, host, port, path, query, fragment) => scheme + "://" + user + host + port + path + query + fragment)),
        (1, Segment.Select(s => "urn:example:" + s)),
        (1, Chars("abcdefghijklmnopqrstuvwxyz", 1, 8).Select(u => "mailto:" + u + "@example.com")),
        (1, Segment.Array[1, 3].Select(s => "file:///" + string.Join("/", s))));

    // ---- arrays and objects -----------------------------------------------------------------------------------

    private Gen<Generated> ArrayOf(string file, JsonObject obj, SiteFlags flags, int depth)
    {
        Unsupported(obj, "prefixItems", "contains", "uniqueItems");
        var min = obj["minItems"] is JsonValue a ? a.GetValue<int>() : 0;
        var max = obj["maxItems"] is JsonValue b ? b.GetValue<int>() : min + 3;
        Gen<Generated> items;
        try
        {
            items = obj["items"] is { } itemSchema ? For(file, itemSchema, flags, depth + 1) : AnyValue(1).Select(v => Leaf(v, file, new JsonObject(), flags | SiteFlags.Any));
        }
        catch (RecursionTooDeep) when (min == 0)
        {
            return Gen.Const(0).Select(_ => new Generated(new JsonArray(), ImmutableList.Create(new Site(ImmutableArray<object>.Empty, file, obj, flags))));
        }

        return items.Array[min, Math.Min(max, min + 3)].Select(elements =>
        {
            var array = new JsonArray();
            var sites = ImmutableList.CreateBuilder<Site>();
            sites.Add(new Site(ImmutableArray<object>.Empty, file, obj, flags));
            for (var i = 0; i < elements.Length; i++)
            {
                array.Add(elements[i].Value);
                sites.AddRange(elements[i].Sites.Select(s => s.Under(i)));
            }

            return new Generated(array, sites.ToImmutable());
        });
    }

    private Gen<Generated> ObjectOf(string file, JsonObject obj, SiteFlags flags, int depth)
    {
        Unsupported(obj, "patternProperties", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas");
        if (obj["propertyNames"] is { } propertyNames && !AllowsEveryName(propertyNames))
        {
            throw new NotSupportedException("The instance generator does not handle propertyNames " + propertyNames.ToJsonString() + " in " + file);
        }

        var properties = obj["properties"] as JsonObject ?? new JsonObject();
        var required = (obj["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? new HashSet<string>();
        foreach (var name in required.Where(r => !properties.ContainsKey(r)))
        {
            throw new NotSupportedException("Required member " + name + " is not declared in " + file);
        }

        var members = new List<Gen<(string Name, Generated Value)?>>();
        foreach (var (name, propertySchema) in properties)
        {
            Gen<Generated> value;
            try
            {
                value = For(file, propertySchema!, flags, depth + 1);
            }
            catch (RecursionTooDeep) when (!required.Contains(name))
            {
                continue;
            }

            var gen = value.Select(v => ((string, Generated)?)(name, v));
            members.Add(required.Contains(name) ? gen : Gen.Frequency((1, Gen.Const(((string, Generated)?)null)), (1, gen)));
        }

        var declared = properties.Select(p => p.Key).ToHashSet();
        var extraName = Gen.Frequency((3, Chars("abcdefghijklmnopqrstuvwxyz", 1, 8)), (1, Text(0, 6))).Where(n => !declared.Contains(n));
        var additional = obj["additionalProperties"];
        Gen<(string Name, Generated Value)[]> extras;
        if (additional is JsonValue ap && ap.TryGetValue<bool>(out var allowed) && !allowed)
        {
            extras = Gen.Const(System.Array.Empty<(string, Generated)>());
        }
        else if (additional is JsonObject apSchema && apSchema.Count > 0)
        {
            try
            {
                var value = For(file, apSchema, flags | SiteFlags.MapEntry, depth + 1);
                extras = Gen.Select(extraName, value).Array[0, 3];
            }
            catch (RecursionTooDeep)
            {
                extras = Gen.Const(System.Array.Empty<(string, Generated)>());
            }
        }
        else
        {
            // Undeclared members are allowed: add some, under names no contract declares.
            var value = AnyValue(1).Select(v => Leaf(v, file, new JsonObject(), flags | SiteFlags.Any | SiteFlags.MapEntry));
            extras = Gen.Frequency((3, Gen.Const(System.Array.Empty<(string, Generated)>())), (1, Gen.Select(extraName.Select(n => "x-extra-" + n), value).Array[1, 2]));
        }

        var all = members.Aggregate(
            Gen.Const(ImmutableList<(string Name, Generated Value)>.Empty),
            (acc, member) => acc.SelectMany(list => member.Select(m => m is null ? list : list.Add(m.Value))));
        return Gen.Select(all, extras, Gen.Bool, (list, more, shuffle) =>
        {
            var entries = list.Concat(more).GroupBy(e => e.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (shuffle)
            {
                entries.Reverse();
            }

            var result = new JsonObject();
            var sites = ImmutableList.CreateBuilder<Site>();
            sites.Add(new Site(ImmutableArray<object>.Empty, file, obj, flags));
            foreach (var (name, value) in entries)
            {
                result[name] = value.Value;
                sites.AddRange(value.Sites.Select(s => s.Under(name)));
            }

            return new Generated(result, sites.ToImmutable());
        });
    }

    /// <summary>Whether a <c>propertyNames</c> schema accepts every member name: <c>true</c>, <c>{}</c> or <c>{"type": "string"}</c>.</summary>
    private static bool AllowsEveryName(JsonNode propertyNames) => propertyNames switch
    {
        JsonValue v => v.TryGetValue<bool>(out var b) && b,
        JsonObject { Count: 0 } => true,
        JsonObject { Count: 1 } o => o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "string",
        _ => false,
    };

    /// <summary>A <c>$ref</c> was entered <see cref="MaxUnrolling"/> times already on the way down.</summary>
    private sealed class RecursionTooDeep(string target) : Exception("The recursion through " + target + " is unrolled " + MaxUnrolling + " times already.");

    // ---- any value --------------------------------------------------------------------------------------------

    /// <summary>Small random JSON of every kind, nested up to <paramref name="depth"/>.</summary>
    public static Gen<JsonNode?> AnyValue(int depth)
    {
        var scalar = Gen.Frequency(
            (1, Gen.Const((JsonNode?)null)),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (2, Gen.Long[-1_000_000, 1_000_000].Select(l => (JsonNode?)JsonValue.Create(l))),
            (1, Gen.Long[-1_000_000, 1_000_000].Select(l => (JsonNode?)JsonValue.Create(l / 1000m))),
            (3, Text(0, 8).Select(s => (JsonNode?)JsonValue.Create(s))));
        if (depth <= 0)
        {
            return scalar;
        }

        var inner = AnyValue(depth - 1);
        return Gen.Frequency(
            (4, scalar),
            (1, inner.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items))),
            (1, Gen.Select(Text(0, 6), inner).Array[0, 3].Select(pairs =>
            {
                var o = new JsonObject();
                foreach (var (k, v) in pairs)
                {
                    o[k] = v;
                }

                return (JsonNode?)o;
            })));
    }
}
