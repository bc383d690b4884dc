using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using CsCheck;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>
/// The <c>format</c> checks: values built from .NET's own types and encoders are accepted, mutations of them are not, the
/// formats that extend others accept what those accept, and the in-memory and UTF-8 paths always agree.
/// </summary>
public sealed class FormatTests
{
    private static readonly Dictionary<StringFormat, StringRules> Rules =
        Enum.GetValues<StringFormat>().ToDictionary(format => format, format => new StringRules(format: format));

    private static readonly StringFormat[] Asserted = Enum.GetValues<StringFormat>().Where(format => format != StringFormat.None).ToArray();

    /// <summary>Pieces of the formats' grammars and characters their rules single out, ASCII and not.</summary>
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "5", "9", "a", "b", "e", "f", "l", "x", "n", "z", "A", "F", "P", "T", "W", "Y", "M", "D", "H", "S", "Z",
        "-", ".", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "%", "%4", "%41",
        "~", "~0", "~1", "_", "{", "}", "<", ">", "\"", "\\", " ", "^", "`", "|", "\t", "\n", "\0", "xn--", "IPv6:", "::",
        "255", "256", "01", "P1", "T1", "23:59:60", "2020-02-29", "http://", "//", "(?", "\\a", "\\d",
        "é", "e\u0301", "ß", "ü", "π", "α", "\u0375", "한", "\u302E", "\u3002", "\uFF0E", "\uFF61", "\u200C", "\u200D", "·",
        "\u094D", "क", "ب", "ي", "ا", "א", "\u05F3", "٠", "۰", "・", "ぁ", "丈", "\U0001F600", "\uFFFF", "\u0085", "\u00A0",
        "\uE000", "\U000F0000", "\u212A", "\uFF20", "\u0300", "\u2167",
    ];

    private static readonly Gen<string> AnyText = Gen.OneOf(Pieces).Array[0, 16].Select(string.Concat);

    private static bool Valid(StringFormat format, string value)
    {
        bool text = Rules[format].Check(value) is null;
        bool utf8 = Rules[format].Check(Encoding.UTF8.GetBytes(value)) is null;
        Assert.True(text == utf8, $"{format}: the in-memory check says {text}, the UTF-8 check {utf8}, for \"{value}\"");
        return text;
    }

    /// <summary>Runs a property; a failure names the case CsCheck found and shrank, not only its seed.</summary>
    private static void Property<T1, T2>(Gen<(T1, T2)> gen, Action<T1, T2> assert, long iter = 1_000) =>
        Property(gen, pair => assert(pair.Item1, pair.Item2), iter);

    private static void Property<T1, T2, T3>(Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, long iter = 1_000) =>
        Property(gen, triple => assert(triple.Item1, triple.Item2, triple.Item3), iter);

    private static void Property<T>(Gen<T> gen, Action<T> assert, long iter = 1_000)
    {
        try
        {
            gen.Sample(assert, iter: iter);
        }
        catch (CsCheckException exception) when (exception.InnerException is not null)
        {
            throw new Xunit.Sdk.XunitException(exception.Message + Environment.NewLine + exception.InnerException.Message);
        }
    }

    [Theory]
    [InlineData(StringFormat.Date, "0001-01-01", true)]
    [InlineData(StringFormat.Date, "9999-12-31", true)]
    [InlineData(StringFormat.Date, "2000-02-29", true)]
    [InlineData(StringFormat.Date, "2000-02-29T00:00:00Z", false)]
    [InlineData(StringFormat.Time, "00:00:00.123456789+14:00", true)]
    [InlineData(StringFormat.Time, "00:00:00.+00:00", false)]
    [InlineData(StringFormat.Time, "23:59:60.5Z", true)]
    [InlineData(StringFormat.Time, "23:59:60-00:00", true)]
    [InlineData(StringFormat.Duration, "P1W", true)]
    [InlineData(StringFormat.Duration, "p1dt2h", true)]
    [InlineData(StringFormat.Duration, "P1DT", false)]
    [InlineData(StringFormat.Duration, "PT1S2M", false)]
    [InlineData(StringFormat.Email, "a@b", true)]
    [InlineData(StringFormat.Email, "\"\"@example.com", true)]
    [InlineData(StringFormat.Email, "\"a\\\"b\"@example.com", true)]
    [InlineData(StringFormat.Email, "a@[001.2.3.4]", true)]
    [InlineData(StringFormat.Email, "a@[ipv6:1::2]", true)]
    [InlineData(StringFormat.Email, "a@[IPv6:1::2::3]", false)]
    [InlineData(StringFormat.Email, "a@[tag:content]", false)]
    [InlineData(StringFormat.Email, "a@-example.com", false)]
    [InlineData(StringFormat.Email, "a@xn--X.com", false)]
    [InlineData(StringFormat.Email, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", false)]
    [InlineData(StringFormat.Email, "δοκιμή@example.com", false)]
    [InlineData(StringFormat.IdnEmail, "δοκιμή@παράδειγμα.δοκιμή", true)]
    [InlineData(StringFormat.IdnEmail, "a@Παράδειγμα.com", false)]
    [InlineData(StringFormat.IdnEmail, "ééééééééééééééééééééééééééééééééé@example.com", false)]
    [InlineData(StringFormat.Hostname, "xn--bcher-kva.example", true)]
    [InlineData(StringFormat.Hostname, "XN--BCHER-KVA.EXAMPLE", true)]
    [InlineData(StringFormat.Hostname, "xn--bcher-kvb.example", false)]
    [InlineData(StringFormat.Hostname, "bücher.example", false)]
    [InlineData(StringFormat.Hostname, "ab--cd.example", true)]
    [InlineData(StringFormat.Hostname, "0.0", true)]
    [InlineData(StringFormat.IdnHostname, "bücher.example", true)]
    [InlineData(StringFormat.IdnHostname, "Bücher.example", false)]
    [InlineData(StringFormat.IdnHostname, "bu\u0308cher.example", false)]
    [InlineData(StringFormat.IdnHostname, "ｂücher.example", false)]
    [InlineData(StringFormat.IdnHostname, "ᏣᎳᎩ.example", true)]
    [InlineData(StringFormat.IdnHostname, "ꮳꮃꭹ.example", false)]
    [InlineData(StringFormat.IdnHostname, "אב.ג", true)]
    [InlineData(StringFormat.IdnHostname, "אב.ab-1", true)]
    [InlineData(StringFormat.IdnHostname, "אב.1ab", false)]
    [InlineData(StringFormat.IPv4, "1.2.3.4", true)]
    [InlineData(StringFormat.IPv4, "01.2.3.4", false)]
    [InlineData(StringFormat.IPv6, "1:2:3:4:5:6:7::", true)]
    [InlineData(StringFormat.IPv6, "::1:2:3:4:5:6:7:8", false)]
    [InlineData(StringFormat.UriReference, "", true)]
    [InlineData(StringFormat.UriReference, "../a/b?c#d", true)]
    [InlineData(StringFormat.UriReference, "a:b:c", true)]
    [InlineData(StringFormat.UriReference, "é", false)]
    [InlineData(StringFormat.Iri, "http://例え.テスト/パス?q=\uE000#片", true)]
    [InlineData(StringFormat.Iri, "http://例え.テスト/\uE000", false)]
    [InlineData(StringFormat.Iri, "http://example.com/\uFDD0", false)]
    [InlineData(StringFormat.IriReference, "パス/ファイル", true)]
    [InlineData(StringFormat.UriTemplate, "{=var}", true)]
    [InlineData(StringFormat.UriTemplate, "{var:9999}", true)]
    [InlineData(StringFormat.UriTemplate, "{var:*}", false)]
    [InlineData(StringFormat.UriTemplate, "{{var}}", false)]
    [InlineData(StringFormat.UriTemplate, "a%4", false)]
    [InlineData(StringFormat.JsonPointer, "/a~01", true)]
    [InlineData(StringFormat.JsonPointer, "/é/\U0001F600", true)]
    [InlineData(StringFormat.RelativeJsonPointer, "0+1/a", true)]
    [InlineData(StringFormat.RelativeJsonPointer, "1-0#", true)]
    [InlineData(StringFormat.RelativeJsonPointer, "0+01", false)]
    [InlineData(StringFormat.RelativeJsonPointer, "0+", false)]
    [InlineData(StringFormat.Regex, "^[a-z]+(?:-[a-z]+)*$", true)]
    [InlineData(StringFormat.Regex, "(?i:abc)", true)]
    [InlineData(StringFormat.Regex, "(?-s:.)", true)]
    [InlineData(StringFormat.Regex, "(?ii:abc)", false)]
    [InlineData(StringFormat.Regex, "(?x:abc)", false)]
    [InlineData(StringFormat.Regex, "(?>abc)", false)]
    [InlineData(StringFormat.Regex, "(?'n'a)", false)]
    [InlineData(StringFormat.Regex, "\\p{L}+\\P{Lu}", true)]
    [InlineData(StringFormat.Regex, "\\x41\\u0041\\cJ\\0", true)]
    [InlineData(StringFormat.Regex, "\\01", false)]
    [InlineData(StringFormat.Regex, "\\Aabc\\z", false)]
    [InlineData(StringFormat.Regex, "[\\b]", true)]
    [InlineData(StringFormat.Regex, "[\\B]", false)]
    [InlineData(StringFormat.Regex, "\\", false)]
    public void Formats_are_asserted(StringFormat format, string value, bool valid)
    {
        Assert.Equal(valid, Valid(format, value));
        Assert.Equal(valid ? null : ("format", Formats.Message(format)), Rules[format].Check(value));
    }

    [Fact]
    public void Every_asserted_format_has_its_own_message()
    {
        string[] messages = Asserted.Select(Formats.Message).ToArray();
        Assert.Equal(messages.Length, messages.Distinct().Count());
        Assert.DoesNotContain(Formats.Message(StringFormat.None), messages);
    }

    [Fact]
    public void The_in_memory_and_the_utf8_check_agree_for_every_format()
    {
        foreach (StringFormat format in Asserted)
        {
            Property(AnyText, value => Valid(format, value), iter: format == StringFormat.Regex ? 2_000 : 20_000);
        }
    }

    [Fact]
    public void Text_with_a_lone_surrogate_fails_the_formats_that_read_code_points()
    {
        // Only the in-memory path can see one (UTF-8 has no lone surrogates); a regex, like an ECMAScript string, may hold one.
        foreach (StringFormat format in Asserted.Where(format => format != StringFormat.Regex))
        {
            Assert.NotNull(Rules[format].Check(format == StringFormat.RelativeJsonPointer ? "0/\uD800" : "/\uD800"));
            Assert.NotNull(Rules[format].Check("a\uDC00@example.com"));
        }
    }

    [Fact]
    public void An_ipv4_address_from_four_bytes_is_valid_and_its_mutations_are_not()
    {
        Property(Gen.Byte.Array[4], bytes =>
        {
            string address = new IPAddress(bytes).ToString();
            Assert.True(Valid(StringFormat.IPv4, address), address);
            Assert.False(Valid(StringFormat.IPv6, address), address);
            string[] octets = address.Split('.');
            Assert.False(Valid(StringFormat.IPv4, string.Join('.', octets.Take(3))));
            Assert.False(Valid(StringFormat.IPv4, address + "." + octets[0]));
            Assert.False(Valid(StringFormat.IPv4, string.Join('.', octets.Select((o, i) => i == bytes[0] % 4 ? "0" + o : o))));
            Assert.False(Valid(StringFormat.IPv4, string.Join('.', octets.Select((o, i) => i == bytes[1] % 4 ? (int.Parse(o, CultureInfo.InvariantCulture) + 256).ToString(CultureInfo.InvariantCulture) : o))));
            Assert.False(Valid(StringFormat.IPv4, address + "/24"));
        });
    }

    [Fact]
    public void An_ipv6_address_from_sixteen_bytes_is_valid_as_IPAddress_writes_it_and_in_full()
    {
        Property(Gen.Byte.Array[16], bytes =>
        {
            string compressed = new IPAddress(bytes).ToString();
            Assert.True(Valid(StringFormat.IPv6, compressed), compressed);
            Assert.True(IPAddress.TryParse(compressed, out IPAddress? parsed) && parsed.GetAddressBytes().SequenceEqual(bytes));

            string full = string.Join(':', Enumerable.Range(0, 8).Select(i => ((bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToString("x", CultureInfo.InvariantCulture)));
            Assert.True(Valid(StringFormat.IPv6, full), full);
            Assert.True(Valid(StringFormat.IPv6, full.ToUpperInvariant()), full);
            Assert.False(Valid(StringFormat.IPv6, full + ":0"));
            Assert.False(Valid(StringFormat.IPv6, full[..full.LastIndexOf(':')]));
            string[] groups = full.Split(':');
            groups[bytes[0] % 8] = "1" + groups[bytes[0] % 8].PadLeft(4, '0');
            Assert.False(Valid(StringFormat.IPv6, string.Join(':', groups)));
            Assert.False(Valid(StringFormat.IPv6, "[" + compressed + "]"));
            Assert.False(Valid(StringFormat.IPv6, compressed + "%eth0"));
            Assert.False(Valid(StringFormat.IPv6, full.Replace(':', '.')));
        });
    }

    [Fact]
    public void A_date_is_valid_exactly_when_DateOnly_reads_it()
    {
        Property(Gen.Int[0, DateOnly.MaxValue.DayNumber], day =>
            Assert.True(Valid(StringFormat.Date, DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

        Property(Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 13], Gen.Int[0, 32]), (year, month, day) =>
        {
            string text = $"{year:0000}-{month:00}-{day:00}";
            bool expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            Assert.True(expected == Valid(StringFormat.Date, text), text);
        });
    }

    [Fact]
    public void A_time_with_an_offset_is_valid_and_a_leap_second_only_at_23_59_UTC()
    {
        Property(Gen.Select(Gen.Long[0, TimeSpan.TicksPerDay - 1], Gen.Int[-(23 * 60) - 59, (23 * 60) + 59], Gen.Int[0, 7]), (ticks, offset, digits) =>
        {
            string time = new TimeOnly(ticks).ToString(digits == 0 ? "HH:mm:ss" : "HH:mm:ss." + new string('f', digits), CultureInfo.InvariantCulture);
            string zone = offset == 0 && digits % 2 == 0 ? "Z" : (offset < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(offset)).ToString("hh\\:mm", CultureInfo.InvariantCulture);
            Assert.True(Valid(StringFormat.Time, time + zone), time + zone);
            Assert.False(Valid(StringFormat.Time, time));
            Assert.False(Valid(StringFormat.Time, time + zone + "Z"));
        });

        Property(Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[-(23 * 60) - 59, (23 * 60) + 59]), (hour, minute, offset) =>
        {
            string zone = (offset < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(offset)).ToString("hh\\:mm", CultureInfo.InvariantCulture);
            string text = $"{hour:00}:{minute:00}:60{zone}";
            bool utcLastMinute = ((((hour * 60) + minute - offset) % 1440) + 1440) % 1440 == 1439;
            Assert.True(utcLastMinute == Valid(StringFormat.Time, text), text);
        });
    }

    [Fact]
    public void A_date_time_is_a_date_T_a_time()
    {
        Gen<string> date = Gen.OneOf(
            Gen.Int[0, DateOnly.MaxValue.DayNumber].Select(day => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => $"{y:0000}-{m:00}-{d:00}"));
        Gen<string> time = Gen.Select(Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61], Gen.OneOf("Z", "z", "+00:00", "-23:59", "+24:00", "", ".5Z", "+01:30"),
            (h, m, s, zone) => $"{h:00}:{m:00}:{s:00}{zone}");
        Property(Gen.Select(date, time, Gen.OneOf("T", "t", " ")), (d, t, separator) =>
        {
            bool expected = separator != " " && Valid(StringFormat.Date, d) && Valid(StringFormat.Time, t);
            Assert.True(expected == Valid(StringFormat.DateTime, d + separator + t), d + separator + t);
        });
    }

    [Fact]
    public void A_duration_is_valid_when_its_parts_follow_each_other_in_order()
    {
        // Each of the six parts present or not, in order or swapped with the next: valid exactly when the date parts
        // present are consecutive among Y, M, D, the time parts among H, M, S, something is present, and "T" has a part.
        Property(Gen.Select(Gen.Int[0, 63], Gen.Int[0, 6], Gen.Int[0, 999]), (mask, swap, number) =>
        {
            string[] units = ["Y", "M", "D", "H", "M", "S"];
            List<(int Index, string Part)> parts = [];
            for (int i = 0; i < 6; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    parts.Add((i, number.ToString(CultureInfo.InvariantCulture) + units[i]));
                }
            }

            bool swapped = swap < parts.Count - 1 && parts[swap].Index / 3 == parts[swap + 1].Index / 3;
            if (swapped)
            {
                (parts[swap], parts[swap + 1]) = (parts[swap + 1], parts[swap]);
            }

            string datePart = string.Concat(parts.Where(p => p.Index < 3).Select(p => p.Part));
            string timePart = string.Concat(parts.Where(p => p.Index >= 3).Select(p => p.Part));
            string text = "P" + datePart + (timePart.Length > 0 ? "T" + timePart : string.Empty);
            bool expected = parts.Count > 0 && !swapped && Consecutive(mask & 7) && Consecutive((mask >> 3) & 7);
            Assert.True(expected == Valid(StringFormat.Duration, text), text);
            Assert.False(Valid(StringFormat.Duration, text + "T"));
            Assert.False(Valid(StringFormat.Duration, "-" + text));
        });

        Assert.True(Valid(StringFormat.Duration, "P12W"));
        Assert.False(Valid(StringFormat.Duration, "P12WT1H"));

        static bool Consecutive(int bits) => bits is 0 or 1 or 2 or 4 or 3 or 6 or 7;
    }

    [Fact]
    public void A_json_pointer_built_from_escaped_tokens_is_valid_and_reads_back()
    {
        Gen<string> token = Gen.OneOf("a", "~", "/", "0", "1", "é", "\U0001F600", " ", "\0", "%", "\\", "\"", "-").Array[0, 5].Select(string.Concat);
        Property(token.Array[0, 5], tokens =>
        {
            string pointer = string.Concat(tokens.Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
            Assert.True(Valid(StringFormat.JsonPointer, pointer), pointer);
            Assert.Equal(tokens, pointer.Length == 0 ? Array.Empty<string>() : pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray());

            Assert.True(Valid(StringFormat.RelativeJsonPointer, tokens.Length + pointer));
            Assert.True(Valid(StringFormat.RelativeJsonPointer, tokens.Length + "-" + tokens.Length + pointer));
            Assert.False(Valid(StringFormat.RelativeJsonPointer, "0" + tokens.Length + pointer));
            Assert.False(Valid(StringFormat.RelativeJsonPointer, pointer));
            if (pointer.Length > 0)
            {
                Assert.False(Valid(StringFormat.JsonPointer, pointer + "~"));
                Assert.False(Valid(StringFormat.JsonPointer, pointer + "~2"));
                Assert.False(Valid(StringFormat.JsonPointer, "x" + pointer));
            }
        });
    }

    [Fact]
    public void A_host_name_of_ldh_labels_is_valid_within_63_and_253_characters()
    {
        Gen<string> label = UriGenLabel();
        Property(label.Array[1, 6], labels =>
        {
            string name = string.Join('.', labels);
            bool expected = name.Length <= 253 && labels.All(l => l.Length <= 63 && l[0] != '-' && l[^1] != '-' && !l.StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
            Assert.True(expected == Valid(StringFormat.Hostname, name), name);
            Assert.True(expected == Valid(StringFormat.IdnHostname, name), name);
            Assert.False(Valid(StringFormat.Hostname, name + "."));
            Assert.False(Valid(StringFormat.Hostname, name + "..a"));
            Assert.False(Valid(StringFormat.Hostname, name.Replace('-', '_')) && name.Contains('-', StringComparison.Ordinal));
        });

        static Gen<string> UriGenLabel() => Gen.Frequency(
            (8, Gen.OneOf("a", "b", "z", "0", "9", "-", "Q").Array[1, 10].Select(string.Concat)),
            (1, Gen.Int[60, 66].Select(n => new string('a', n))),
            (1, Gen.OneOf("xn--a", "XN--a", "-a", "a-", "ab--cd")));
    }

    /// <summary>
    /// U-labels of lower-case letters of several left-to-right scripts: IdnMapping (the platform's encoder) writes their
    /// A-labels, which are valid host names and what the runtime's Punycode writes; the U-labels are valid internationalized
    /// host names, and upper-casing one (IDNA2008 has no mapping) or spelling it decomposed (not NFC) makes it invalid.
    /// </summary>
    [Fact]
    public void A_label_of_lower_case_letters_is_an_idn_hostname_and_its_A_label_a_hostname()
    {
        Gen<string> letters = Gen.OneOf("a", "k", "7", "-", "é", "ü", "ñ", "ø", "α", "ω", "ж", "я", "ა", "한", "글", "漢", "字", "ひ", "カ")
            .Array[1, 12].Select(string.Concat).Where(l => l[0] != '-' && l[^1] != '-' && !(l.Length >= 4 && l[2] == '-' && l[3] == '-'));
        IdnMapping idn = new IdnMapping();
        Property(Gen.Select(letters, letters), (first, second) =>
        {
            string name = first + ".example." + second;
            Assert.True(Valid(StringFormat.IdnHostname, name), name);
            Assert.True(Valid(StringFormat.Hostname, idn.GetAscii(name)), idn.GetAscii(name));
            foreach (string label in new[] { first, second }.Where(l => l.Any(c => c > 0x7F)))
            {
                Assert.False(Valid(StringFormat.Hostname, label));
                string upper = label.ToUpperInvariant();
                Assert.False(upper != label && Valid(StringFormat.IdnHostname, upper), upper);
                Assert.False(Valid(StringFormat.IdnHostname, label.Normalize(NormalizationForm.FormD)) && !label.IsNormalized(NormalizationForm.FormD));
                int[] codePoints = label.EnumerateRunes().Select(r => r.Value).ToArray();
                char[] buffer = new char[63];
                Assert.True(Punycode.TryEncode(codePoints, buffer, out int length));
                Assert.Equal(idn.GetAscii(label), "xn--" + new string(buffer, 0, length));
            }
        });
    }

    [Fact]
    public void Punycode_decodes_what_it_encodes()
    {
        Gen<int> codePoint = Gen.Frequency(
            (3, Gen.Int['a', 'z']),
            (1, Gen.Int['0', '9']),
            (1, Gen.Const((int)'-')),
            (4, Gen.Int[0xA0, 0xD7FF]),
            (2, Gen.Int[0xE000, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF)));
        Property(codePoint.Array[0, 40], input =>
        {
            Span<char> encoded = stackalloc char[400];
            Assert.True(Punycode.TryEncode(input, encoded, out int length));
            int[] asCodePoints = encoded.Slice(0, length).ToArray().Select(c => (int)c).ToArray();
            int[] decoded = new int[40];
            Assert.True(Punycode.TryDecode(asCodePoints, decoded, out int count));
            Assert.Equal(input, decoded.Take(count));
        });
    }

    [Fact]
    public void An_address_of_atoms_at_a_host_name_is_an_email_and_its_mutations_are_not()
    {
        Gen<string> atom = Gen.OneOf("a", "Z", "0", "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~").Array[1, 8].Select(string.Concat);
        Gen<string> label = Gen.OneOf("a", "b", "0", "-").Array[1, 8].Select(string.Concat).Where(l => l[0] != '-' && l[^1] != '-' && !l.StartsWith("xn--", StringComparison.Ordinal));
        Property(Gen.Select(atom.Array[1, 4], label.Array[1, 4]), (atoms, labels) =>
        {
            string local = string.Join('.', atoms);
            string domain = string.Join('.', labels);
            string address = local + "@" + domain;
            bool expected = Encoding.UTF8.GetByteCount(local) <= 64;
            Assert.True(expected == Valid(StringFormat.Email, address), address);
            Assert.True((local.Length + 4 <= 64) == Valid(StringFormat.Email, "\"" + local + " x\"@" + domain), address);
            Assert.False(Valid(StringFormat.Email, "." + address));
            Assert.False(Valid(StringFormat.Email, local + ".@" + domain));
            Assert.False(Valid(StringFormat.Email, local + domain));
            Assert.False(Valid(StringFormat.Email, address + "."));
            Assert.False(Valid(StringFormat.Email, local + "@@" + domain));
            Assert.False(Valid(StringFormat.Email, local + " @" + domain));
        });
    }

    [Fact]
    public void The_international_formats_accept_what_the_ascii_ones_accept()
    {
        Gen<string> text = Gen.Frequency((3, AnyText), (3, Support.UriGen.Uri));
        Property(text, value =>
        {
            Implies(StringFormat.Email, StringFormat.IdnEmail, value);
            Implies(StringFormat.Hostname, StringFormat.IdnHostname, value);
            Implies(StringFormat.Uri, StringFormat.Iri, value);
            Implies(StringFormat.Uri, StringFormat.UriReference, value);
            Implies(StringFormat.Iri, StringFormat.IriReference, value);
            Implies(StringFormat.UriReference, StringFormat.IriReference, value);
            Implies(StringFormat.IPv4, StringFormat.Hostname, value);
            if (!value.Contains('{', StringComparison.Ordinal) && !value.Contains('}', StringComparison.Ordinal))
            {
                Implies(StringFormat.UriReference, StringFormat.UriTemplate, value);
                Implies(StringFormat.IriReference, StringFormat.UriTemplate, value);
            }

            Assert.True(Valid(StringFormat.JsonPointer, value) == Valid(StringFormat.RelativeJsonPointer, "0" + value) || value.StartsWith('#') || value.StartsWith('+') || value.StartsWith('-') || (value.Length > 0 && char.IsAsciiDigit(value[0])), value);
        }, iter: 20_000);

        static void Implies(StringFormat narrow, StringFormat wide, string value) =>
            Assert.True(!Valid(narrow, value) || Valid(wide, value), $"{narrow} accepts \"{value}\" but {wide} does not");
    }

    [Fact]
    public void A_pattern_of_escaped_literal_text_is_a_regex_that_matches_it()
    {
        Gen<string> literal = Gen.OneOf("a", "Z", "0", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$", "\\", "/", "-", " ", "é", "\U0001F600").Array[0, 10].Select(string.Concat);
        Property(literal, text =>
        {
            string pattern = "^" + string.Concat(text.Select(c => "^$\\.*+?()[]{}|/".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString())) + "$";
            Assert.True(Valid(StringFormat.Regex, pattern), pattern);
            Assert.Null(new StringRules(pattern: pattern).Check(text));
            Assert.False(Valid(StringFormat.Regex, pattern + "("));
            Assert.False(Valid(StringFormat.Regex, "(?#" + pattern + ")"));
            Assert.False(Valid(StringFormat.Regex, "(?i)" + pattern));
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(0x61, "Pvalid")]
    [InlineData(0x2D, "Pvalid")]
    [InlineData(0x41, "Disallowed")]
    [InlineData(0x5F, "Disallowed")]
    [InlineData(0x00E9, "Pvalid")]
    [InlineData(0x00C9, "Disallowed")]
    [InlineData(0x00DF, "Pvalid")]
    [InlineData(0x00B7, "ContextO")]
    [InlineData(0x0378, "Unassigned")]
    [InlineData(0x0345, "Disallowed")]
    [InlineData(0x034F, "Disallowed")]
    [InlineData(0x0640, "Disallowed")]
    [InlineData(0x0661, "ContextO")]
    [InlineData(0x094D, "Pvalid")]
    [InlineData(0x1100, "Disallowed")]
    [InlineData(0x13A0, "Pvalid")]
    [InlineData(0x1F80, "Disallowed")]
    [InlineData(0x200C, "ContextJ")]
    [InlineData(0x20D0, "Disallowed")]
    [InlineData(0x3002, "Disallowed")]
    [InlineData(0x3007, "Pvalid")]
    [InlineData(0x30FB, "ContextO")]
    [InlineData(0xAB70, "Disallowed")]
    [InlineData(0xAC00, "Pvalid")]
    [InlineData(0xFE00, "Disallowed")]
    [InlineData(0xFF41, "Pvalid")]
    [InlineData(0x1D100, "Disallowed")]
    [InlineData(0x20000, "Pvalid")]
    public void Code_points_get_their_IDNA2008_property(int codePoint, string expected)
    {
        // Fullwidth small a (U+FF41) is PVALID by its category and case; NFKC, checked for a whole label, refuses it.
        Assert.Equal(Enum.Parse<Idna.Property>(expected), Idna.PropertyOf(codePoint));
    }

    /// <summary>
    /// The code points the IDNA check takes as normalized without asking .NET are: each alone, and any run of them (so none
    /// composes with another), is in NFC and NFKC by .NET's Unicode data.
    /// </summary>
    [Fact]
    public void Normalization_inert_code_points_are_normalized_alone_and_together()
    {
        int[] inert = Enumerable.Range(0, 0x30000).Where(c => c is < 0xD800 or > 0xDFFF && Idna.IsNormalizationInert(c)).ToArray();
        Assert.True(inert.Length > 80_000, inert.Length.ToString(CultureInfo.InvariantCulture));
        foreach (int c in inert)
        {
            string text = char.ConvertFromUtf32(c);
            Assert.True(text.IsNormalized(NormalizationForm.FormC) && text.IsNormalized(NormalizationForm.FormKC), $"U+{c:X4}");
        }

        Property(Gen.Int[0, inert.Length - 1].Array[2, 8], picks =>
        {
            string text = string.Concat(picks.Select(i => char.ConvertFromUtf32(inert[i])));
            Assert.True(text.IsNormalized(NormalizationForm.FormC) && text.IsNormalized(NormalizationForm.FormKC), string.Join(" ", picks.Select(i => $"U+{inert[i]:X4}")));
        }, iter: 50_000);
    }

    [Fact]
    public void Valid_values_are_checked_without_allocating()
    {
        (StringFormat Format, string Value)[] values =
        [
            (StringFormat.Date, "2024-02-29"),
            (StringFormat.Time, "15:59:60.123-08:00"),
            (StringFormat.Duration, "P1Y2M3DT4H5M6S"),
            (StringFormat.Email, "\"joe bloggs\"@[IPv6:2001:db8::1]"),
            (StringFormat.IdnEmail, "δοκιμή@παράδειγμα.δοκιμή"),
            (StringFormat.Hostname, "xn--bcher-kva.example.com"),
            (StringFormat.IdnHostname, "bücher。קק.xn--ihqwcrb4cv8a8dqg056pqjye"),
            (StringFormat.IdnHostname, "παράδειγμα.испытание.例え.테스트.مثال"),
            (StringFormat.IPv4, "192.168.0.1"),
            (StringFormat.IPv6, "1:2::192.168.0.1"),
            (StringFormat.UriReference, "../a/b?c#d"),
            (StringFormat.Iri, "http://例え.テスト/パス?q=\uE000#片"),
            (StringFormat.IriReference, "//ƒøø.ßår/?∂éœ=πîx#πîüx"),
            (StringFormat.UriTemplate, "http://example.com/{+path:10}{?x,y*}"),
            (StringFormat.JsonPointer, "/a~0b/c~1d/é"),
            (StringFormat.RelativeJsonPointer, "1+2/a~0b"),
        ];
        foreach ((StringFormat format, string value) in values)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(value);
            StringRules rules = Rules[format];
            Assert.Null(rules.Check(utf8));
            long before = GC.GetAllocatedBytesForCurrentThread();
            (string, string)? result = rules.Check(utf8);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Null(result);
            Assert.True(allocated == 0, $"{format}: {allocated} bytes for \"{value}\"");
        }
    }
}
