using System.Globalization;
using System.Linq;
using CsCheck;

namespace Stagehand.Contracts.Tests.Support;

/// <summary>
/// URI-like strings for property tests: mostly RFC 3986 URIs, with the shapes <see cref="System.Uri"/> refuses although
/// the RFC allows them (a scheme without "//" before a path that looks like an address, one-letter schemes, empty hosts
/// behind a user or a port, sub-delimiters in a host, ports past 65535, IP literals), and some that break the grammar.
/// </summary>
internal static class UriGen
{
    private const string Alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Unreserved = Alpha + Digits + "-._~";
    private const string SubDelims = "!$&'()*+,;=";

    public static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Int[0, alphabet.Length - 1].Array[min, max].Select(ix => new string(ix.Select(i => alphabet[i]).ToArray()));

    private static readonly Gen<string> Pct = Gen.Int[0, 255].Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture));

    /// <summary>A run of path characters (pchar), percent-encodings included.</summary>
    public static readonly Gen<string> PChars = Gen.Frequency(
        (6, Chars(Unreserved, 1, 6)),
        (2, Chars(Unreserved + SubDelims + ":@", 1, 4)),
        (1, Pct),
        (1, Gen.OneOf(".", "..", "%2F", "%00", "%25"))).Array[0, 3].Select(string.Concat);

    private static readonly Gen<string> Label = Gen.Frequency(
        (8, Chars(Alpha + Digits, 1, 8)),
        (2, Chars(Alpha + Digits + "-", 1, 8)),
        (1, Chars(Alpha + Digits + "-_~", 1, 4)),
        (1, Gen.OneOf("xn--nw2a", "xn--a", "XN--J6W193G", "-", "a-", "-a")),
        (1, Chars("a", 63, 64)));

    /// <summary>A host: DNS-like names, IPv4 (valid and out of range), reg-names with sub-delimiters, IP literals, empty.</summary>
    public static readonly Gen<string> Host = Gen.Frequency(
        (10, Label.Array[1, 4].Select(labels => string.Join(".", labels))),
        (2, Gen.Int[0, 999].Array[1, 5].Select(o => string.Join(".", o))),
        (1, Gen.Int[0, 255].Array[4].Select(o => string.Join(".", o.Select(x => x.ToString("000", CultureInfo.InvariantCulture))))),
        (2, Chars(Unreserved + SubDelims, 0, 8)),
        (1, Gen.Select(Label, Chars(SubDelims, 1, 1), Label, (a, d, b) => a + d + b)),
        (1, Label.Array[1, 3].Select(labels => string.Join(".", labels) + ".")),
        (1, Label.Array[2, 3].Select(labels => string.Join("..", labels))),
        (1, Gen.OneOf(string.Empty, "localhost", "[::1]", "[2001:db8::7]", "[::ffff:1.2.3.4]", "[v1.fe80::a+en1]", "[fe80::1%25en0]", "example.com'p")));

    private static readonly Gen<string> Port = Gen.Frequency(
        (6, Gen.Const(string.Empty)),
        (4, Gen.Int[0, 65535].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[65536, 999999].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(":", ":0", ":00080", ":0000000080", ":9222")));

    private static readonly Gen<string> Scheme = Gen.Frequency(
        (12, Gen.OneOf("http", "https", "ws", "wss")),
        (2, Gen.OneOf("HTTP", "Https", "WSS")),
        (3, Gen.OneOf("ftp", "file", "mailto", "urn", "tel", "ldap", "news", "git+ssh", "x-app", "a", "C", "z")),
        (1, Gen.Select(Chars(Alpha, 1, 1), Chars(Alpha + Digits + "+-.", 0, 6), (a, b) => a + b)));

    private static readonly Gen<string> Path = PChars.Array[0, 4].Select(segments => string.Concat(segments.Select(s => "/" + s)));

    private static readonly Gen<string> QueryOrFragment = Gen.Frequency(
        (4, Gen.Const(string.Empty)),
        (1, Gen.Select(PChars, Chars("/?", 0, 2), (a, b) => a + b)));

    /// <summary>Strings meant to be RFC 3986 URIs (a few are not: a generated piece can break the grammar).</summary>
    public static readonly Gen<string> Uri = Gen.Frequency(
        (6, Gen.Select(Scheme, Gen.Frequency((6, Gen.Const(string.Empty)), (1, Chars(Unreserved + SubDelims + ":", 0, 6).Select(u => u + "@"))), Host, Port, Path,
            Gen.Select(QueryOrFragment, QueryOrFragment),
            (scheme, user, host, port, path, qf) => scheme + "://" + user + host + port + path + (qf.Item1.Length > 0 ? "?" + qf.Item1 : string.Empty) + (qf.Item2.Length > 0 ? "#" + qf.Item2 : string.Empty))),
        (2, Gen.Select(Scheme, Gen.OneOf(string.Empty, "/", "./", "../", "//"), PChars, Path, QueryOrFragment,
            (scheme, lead, first, path, q) => scheme + ":" + lead + first + path + (q.Length > 0 ? "?" + q : string.Empty))),
        (1, Gen.OneOf(
            "http:./localhost:9222/devtools", "a:b", "http://user@:80", "https://example.com'p?q=1", "http://example.com:99999/", "x:",
            "http://a:80:80", "https://exa mple.com", "http:/[::1]", "//host/path", "http://ex%41mple.com/", "http://[::1]:/")));
}
