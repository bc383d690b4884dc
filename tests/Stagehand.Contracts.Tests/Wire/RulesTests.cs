using System;
using System.Text;

namespace Stagehand.Contracts.Tests.Wire;

public sealed class NumberRulesTests
{
    private static string? Keyword(NumberRules rules, string number) => rules.Check(Encoding.UTF8.GetBytes(number))?.Keyword;

    [Theory]
    [InlineData("1", null)]
    [InlineData("1.0", null)]
    [InlineData("10", null)]
    [InlineData("1e1", null)]
    [InlineData("0.9999999999999999999999999999999", "minimum")]
    [InlineData("10.000000000000000000000000000001", "maximum")]
    [InlineData("-5", "minimum")]
    [InlineData("1e400", "maximum")]
    [InlineData("-1e400", "minimum")]
    [InlineData("1e-400", "minimum")]
    public void Inclusive_bounds_compare_exactly(string number, string? keyword)
    {
        Assert.Equal(keyword, Keyword(new NumberRules(minimum: "1", maximum: "10"), number));
    }

    [Theory]
    [InlineData("0", "exclusiveMinimum")]
    [InlineData("0.0", "exclusiveMinimum")]
    [InlineData("-0", "exclusiveMinimum")]
    [InlineData("1e-400", null)]
    [InlineData("0.5", null)]
    [InlineData("0.99999999999999999999", null)]
    [InlineData("1", "exclusiveMaximum")]
    [InlineData("100e-2", "exclusiveMaximum")]
    public void Exclusive_bounds_compare_exactly(string number, string? keyword)
    {
        Assert.Equal(keyword, Keyword(new NumberRules(exclusiveMinimum: "0", exclusiveMaximum: "1"), number));
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("1.0", null)]
    [InlineData("1e2", null)]
    [InlineData("1.5e1", null)]
    [InlineData("1.25e1", "type")]
    [InlineData("0.5", "type")]
    [InlineData("1e-1", "type")]
    [InlineData("123456789012345678901234567890", null)]
    [InlineData("1.0000000000000000000000000000001", "type")]
    public void Integers_must_be_whole(string number, string? keyword)
    {
        Assert.Equal(keyword, Keyword(new NumberRules(integer: true), number));
    }

    [Fact]
    public void Big_bounds_beyond_decimal_compare_exactly()
    {
        NumberRules rules = new NumberRules(maximum: "12345678901234567890123456789012345678901");
        Assert.Null(Keyword(rules, "12345678901234567890123456789012345678901"));
        Assert.Equal("maximum", Keyword(rules, "12345678901234567890123456789012345678902"));
        Assert.Equal("maximum", Keyword(rules, "1.2345678901234567890123456789012345678901000001e40"));
        Assert.Null(Keyword(new NumberRules(minimum: "-1e-320"), "-1e-321"));
    }

    [Fact]
    public void Messages_quote_the_bound()
    {
        Assert.Equal(("minimum", "The value must be at least 1."), new NumberRules(minimum: "1").Check("0"u8));
        Assert.Equal(("maximum", "The value must be at most 2.5."), new NumberRules(maximum: "2.5").Check("3"u8));
        Assert.Equal(("exclusiveMinimum", "The value must be greater than 0."), new NumberRules(exclusiveMinimum: "0").Check("0"u8));
        Assert.Equal(("exclusiveMaximum", "The value must be less than 5."), new NumberRules(exclusiveMaximum: "5").Check("5"u8));
        Assert.Equal(("type", "Expected a whole number."), new NumberRules(integer: true).Check("0.5"u8));
    }

    [Fact]
    public void Values_in_memory_are_checked_the_same_way()
    {
        NumberRules rules = new NumberRules(minimum: "0.1", maximum: "1e20");
        Assert.Null(rules.Check(0.1));
        Assert.Null(rules.Check(1e20));
        Assert.Equal("maximum", rules.Check(1.0000000000000001e20 * 10)?.Keyword);
        Assert.Equal("minimum", rules.Check(0.09999999999999999)?.Keyword);
        Assert.Equal("type", rules.Check(double.NaN)?.Keyword);
        Assert.Equal("type", rules.Check(double.PositiveInfinity)?.Keyword);
        Assert.Null(rules.Check(5L));
        Assert.Equal("minimum", rules.Check(0L)?.Keyword);
        Assert.Equal("minimum", new NumberRules(minimum: "0").Check(long.MinValue)?.Keyword);
        Assert.Null(new NumberRules(maximum: "9223372036854775807").Check(long.MaxValue));
        Assert.Equal("type", new NumberRules(integer: true).Check(0.5)?.Keyword);
        Assert.Null(new NumberRules(integer: true).Check(3.0));
    }

    [Fact]
    public void Bounds_must_be_json_numbers()
    {
        Assert.Throws<ArgumentException>(() => new NumberRules(minimum: "abc"));
        Assert.Throws<ArgumentException>(() => new NumberRules(maximum: "+1"));
        Assert.Throws<ArgumentException>(() => new NumberRules(maximum: "1."));
        Assert.Equal("1.5", new NumberRules(minimum: "1.5").Minimum);
    }
}

public sealed class StringRulesTests
{
    [Theory]
    [InlineData("", "minLength")]
    [InlineData("a", null)]
    [InlineData("😀", null)]
    [InlineData("😀😀😀", null)]
    [InlineData("abcd", "maxLength")]
    [InlineData("😀😀😀😀", "maxLength")]
    [InlineData("ééé", null)]
    public void Lengths_count_code_points(string value, string? keyword)
    {
        StringRules rules = new StringRules(minLength: 1, maxLength: 3);
        Assert.Equal(keyword, rules.Check(value)?.Keyword);
        Assert.Equal(keyword, rules.Check(Encoding.UTF8.GetBytes(value))?.Keyword);
    }

    [Fact]
    public void Length_messages_quote_the_limit()
    {
        Assert.Equal(("minLength", "The value must be at least 1 character long."), new StringRules(minLength: 1).Check(string.Empty));
        Assert.Equal(("maxLength", "The value must be at most 2 characters long."), new StringRules(maxLength: 2).Check("abc"));
    }

    [Theory]
    [InlineData("^[a-z]+$", "abc", true)]
    [InlineData("^[a-z]+$", "abc\n", false)]
    [InlineData("^[a-z]+$", "ab1", false)]
    [InlineData("b", "abc", true)]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "١٢٣", false)]
    [InlineData("^\\w+$", "héllo", false)]
    [InlineData("^\\W$", "é", true)]
    [InlineData("^[\\d]+$", "12", true)]
    [InlineData("^[^\\d]+$", "ab", true)]
    [InlineData("^[\\D]+$", "ab", true)]
    [InlineData("^[\\D]+$", "a1", false)]
    [InlineData("^\\s$", "\u00a0", true)]
    [InlineData("^\\s$", "\ufeff", true)]
    [InlineData("^\\S$", "\u0085", true)]
    [InlineData("^.$", "\u2028", false)]
    [InlineData("^.$", "😀", false)]
    [InlineData("^..$", "😀", true)]
    [InlineData("^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false)]
    [InlineData("^(a)\\1$", "aa", true)]
    [InlineData("^(a)\\1$", "ab", false)]
    [InlineData("^(?=.*x)", "abx", true)]
    [InlineData("^[[]$", "[", true)]
    [InlineData("^[^]$", "\n", true)]
    [InlineData("^[]$", "", false)]
    public void Patterns_have_their_ecma_meaning(string pattern, string value, bool matches)
    {
        StringRules rules = new StringRules(pattern: pattern);
        Assert.Equal(matches ? null : "pattern", rules.Check(value)?.Keyword);
        Assert.Equal(matches ? null : "pattern", rules.Check(Encoding.UTF8.GetBytes(value))?.Keyword);
    }

    [Fact]
    public void A_pattern_message_quotes_the_pattern_not_the_value()
    {
        (string Keyword, string Message)? error = new StringRules(pattern: "^x").Check("sk-secret-123");
        Assert.Equal(("pattern", "The value does not match the pattern ^x."), error);
    }

    [Fact]
    public void Long_values_are_matched_without_backtracking()
    {
        string value = new string('a', 200_000) + "!";
        Assert.Equal("pattern", new StringRules(pattern: "^(a|aa)+$").Check(value)?.Keyword);
        Assert.Equal("pattern", new StringRules(pattern: "^(a|aa)+$").Check(Encoding.UTF8.GetBytes(value))?.Keyword);
    }

    [Fact]
    public void A_backtracking_pattern_that_runs_too_long_is_an_error()
    {
        StringRules rules = new StringRules(pattern: "^(?=(a|aa)+$)");
        (string Keyword, string Message)? error = rules.Check(new string('a', 5_000) + "!");
        Assert.Equal(("pattern", "The pattern could not be evaluated in time."), error);
    }

    [Fact]
    public void An_invalid_pattern_breaks_pattern_instead_of_throwing()
    {
        Assert.Equal("pattern", new StringRules(pattern: "(").Check("a")?.Keyword);
    }

    [Theory]
    [InlineData(StringFormat.Uuid, "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true)]
    [InlineData(StringFormat.Uuid, "2eb8aa08aa9811eab4aa73b441d16380", false)]
    [InlineData(StringFormat.DateTime, "2020-02-29T00:00:00Z", true)]
    [InlineData(StringFormat.DateTime, "2019-02-29T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "1900-02-29T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-02-29T00:00:00Z", true)]
    [InlineData(StringFormat.DateTime, "2000-04-31T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-04-30T00:00:00.Z", false)]
    [InlineData(StringFormat.DateTime, "2000-04-30 00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-13-30T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-00-30T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-01-00T00:00:00Z", false)]
    [InlineData(StringFormat.DateTime, "2000-01-01T00:00:60+00:01", true)]
    [InlineData(StringFormat.DateTime, "2000-01-01T00:00:00", false)]
    [InlineData(StringFormat.Uri, "https://example.com/a?b#c", true)]
    [InlineData(StringFormat.Uri, "https://[v1.fe80::a+en1]/", true)]
    [InlineData(StringFormat.Uri, "https://[::]/", true)]
    [InlineData(StringFormat.Uri, "https://[1:2:3:4:5:6:7:8]/", true)]
    [InlineData(StringFormat.Uri, "https://[1:2:3:4:5:6:7:8:9]/", false)]
    [InlineData(StringFormat.Uri, "https://[1::2::3]/", false)]
    [InlineData(StringFormat.Uri, "https://[::1.2.3.4]/", true)]
    [InlineData(StringFormat.Uri, "https://[::256.2.3.4]/", false)]
    [InlineData(StringFormat.Uri, "https://[12345::]/", false)]
    [InlineData(StringFormat.Uri, "https://a#b#c", false)]
    [InlineData(StringFormat.Uri, "https://a:80:80", false)]
    [InlineData(StringFormat.Uri, "x:", true)]
    [InlineData(StringFormat.Uri, "https://exa mple.com", false)]
    public void Formats_are_asserted(StringFormat format, string value, bool valid)
    {
        StringRules rules = new StringRules(format: format);
        Assert.Equal(valid ? null : "format", rules.Check(value)?.Keyword);
        Assert.Equal(valid ? null : "format", rules.Check(Encoding.UTF8.GetBytes(value))?.Keyword);
    }

    [Fact]
    public void The_first_broken_keyword_wins()
    {
        StringRules rules = new StringRules(maxLength: 3, pattern: "^a", format: StringFormat.Uuid);
        Assert.Equal("maxLength", rules.Check("bbbb")?.Keyword);
        Assert.Equal("pattern", rules.Check("bb")?.Keyword);
        Assert.Equal("format", rules.Check("ab")?.Keyword);
    }

    [Fact]
    public void Negative_lengths_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StringRules(minLength: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StringRules(maxLength: -1));
    }
}
