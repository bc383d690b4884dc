using System;
using System.Reflection;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class WireValueTests
{
    [Theory]
    [InlineData(LLMSource.SystemDefault, "system-default")]
    [InlineData(LLMSource.User, "user")]
    public void LLMSource_round_trips(LLMSource value, string wire)
    {
        Assert.Equal(wire, value.ToWireValue());
        Assert.True(LLMSourceWireValues.TryParse(wire, out LLMSource parsed));
        Assert.Equal(value, parsed);
        AssertAttributeAgrees(value, wire);
    }

    [Theory]
    [InlineData(CacheStatus.Hit, "HIT")]
    [InlineData(CacheStatus.Miss, "MISS")]
    public void CacheStatus_round_trips(CacheStatus value, string wire)
    {
        Assert.Equal(wire, value.ToWireValue());
        Assert.True(CacheStatusWireValues.TryParse(wire, out CacheStatus parsed));
        Assert.Equal(value, parsed);
        AssertAttributeAgrees(value, wire);
    }

    [Theory]
    [InlineData(Verbosity.Error, 0)]
    [InlineData(Verbosity.Info, 1)]
    [InlineData(Verbosity.Debug, 2)]
    public void Verbosity_has_numeric_values(Verbosity value, int number)
    {
        string wire = number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(number, (int)value);
        Assert.Equal(number, value.ToWireValue());
        Assert.True(VerbosityWireValues.TryParse(number, out Verbosity parsed));
        Assert.Equal(value, parsed);
        AssertAttributeAgrees(value, wire);
    }

    [Theory]
    [InlineData("System-Default")]
    [InlineData("system_default")]
    [InlineData("SystemDefault")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_wire_values_do_not_parse(string? wire)
    {
        Assert.False(LLMSourceWireValues.TryParse(wire, out _));
        Assert.False(CacheStatusWireValues.TryParse(wire, out _));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Unknown_numeric_wire_values_do_not_parse(int wire) => Assert.False(VerbosityWireValues.TryParse(wire, out _));

    [Fact]
    public void Undefined_enum_value_has_no_wire_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CacheStatus)99).ToWireValue());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Verbosity)3).ToWireValue());
    }

    private static void AssertAttributeAgrees<TEnum>(TEnum value, string wire)
        where TEnum : struct, Enum
    {
        FieldInfo field = typeof(TEnum).GetField(value.ToString())!;
        Assert.Equal(wire, field.GetCustomAttribute<WireValueAttribute>()!.Value);
    }
}
