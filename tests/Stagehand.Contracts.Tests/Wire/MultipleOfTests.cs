using System.Globalization;
using System.Text;
using CsCheck;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary><c>multipleOf</c> is exact in decimal: 19.99 is a multiple of 0.01, whatever binary floating point says.</summary>
public sealed class MultipleOfTests
{
    private static (string Keyword, string Message)? Check(string divisor, string value) =>
        new NumberRules(multipleOf: divisor).Check(Encoding.UTF8.GetBytes(value));

    [Theory]
    [InlineData("0.01", "19.99", true)]
    [InlineData("0.1", "0.3", true)]
    [InlineData("0.0001", "0.0075", true)]
    [InlineData("1.5", "4.5", true)]
    [InlineData("2", "7", false)]
    [InlineData("0.5", "0.25", false)]
    [InlineData("0.123456789", "1e308", false)]
    [InlineData("1e-8", "12391239123", true)]
    [InlineData("3", "0", true)]
    [InlineData("1e2", "1E4", true)]
    public void CommonCases(string divisor, string value, bool multiple) =>
        Assert.Equal(multiple, Check(divisor, value) is null);

    [Fact]
    public void AWholeMultipleIsOneAndAnythingOffTheGridIsNot()
    {
        var cases =
            from k in Gen.Long[-1_000_000, 1_000_000]
            from mantissa in Gen.Long[1, 1_000_000]
            from scale in Gen.Int[0, 6]
            select (k, Divisor: mantissa / (decimal)System.Math.Pow(10, scale), Scale: scale);
        cases.Sample(c =>
        {
            var divisor = c.Divisor.ToString(CultureInfo.InvariantCulture);
            var multiple = c.k * c.Divisor;
            var offGrid = multiple + (1m / (decimal)System.Math.Pow(10, c.Scale + 1));
            Assert.Null(Check(divisor, multiple.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal("multipleOf", Check(divisor, offGrid.ToString(CultureInfo.InvariantCulture))?.Keyword);
        }, seed: "3lJ9bT2wQx41", iter: 20_000);
    }

    [Fact]
    public void InMemoryValuesAreCheckedTheSameWay()
    {
        var rules = new NumberRules(multipleOf: "0.01");

        Assert.Null(rules.Check(19.99));
        Assert.Equal("multipleOf", rules.Check(19.995)?.Keyword);
        Assert.Null(new NumberRules(multipleOf: "5").Check(15L));
    }
}
