using System;
using Stagehand.Contracts.Caching;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Tests.Caching;

public sealed class ResolvedServerCacheTests
{
    [Fact]
    public void Default_value_is_enabled_without_threshold()
    {
        ResolvedServerCache value = default;

        Assert.True(value.Enabled);
        Assert.Null(value.Threshold);
        Assert.False(value.BypassCache);
        Assert.Empty(value.RequestHeaders);
        Assert.Equal(ResolvedServerCache.EnabledByDefault, value);
    }

    [Fact]
    public void Values_compare_by_setting()
    {
        Assert.Equal(ResolvedServerCache.EnabledWithThreshold(3), ResolvedServerCache.EnabledWithThreshold(3));
        Assert.NotEqual(ResolvedServerCache.EnabledWithThreshold(3), ResolvedServerCache.EnabledWithThreshold(4));
        Assert.NotEqual(ResolvedServerCache.EnabledByDefault, ResolvedServerCache.Disabled);
        Assert.NotEqual(ResolvedServerCache.EnabledByDefault, ResolvedServerCache.EnabledWithThreshold(1));
    }

    [Fact]
    public void ToString_shows_enabled_and_threshold()
    {
        Assert.Equal("ResolvedServerCache { Enabled = true, Threshold = 3 }", ResolvedServerCache.EnabledWithThreshold(3).ToString());
        Assert.Equal("ResolvedServerCache { Enabled = false, Threshold = null }", ResolvedServerCache.Disabled.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Threshold_below_one_is_rejected(int threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResolvedServerCache.EnabledWithThreshold(threshold));

    [Fact]
    public void ApplyTo_clears_a_stale_cacheThreshold_when_there_is_none()
    {
        var request = new ObserveRequest { Instruction = "links", CacheThreshold = 5 };

        Assert.Null(ResolvedServerCache.EnabledByDefault.ApplyTo(request).CacheThreshold);
        Assert.Null(ResolvedServerCache.Disabled.ApplyTo(request).CacheThreshold);
        Assert.Equal(2, ResolvedServerCache.EnabledWithThreshold(2).ApplyTo(request).CacheThreshold);
        Assert.Equal(5, request.CacheThreshold);
    }

    [Fact]
    public void ApplyTo_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => ResolvedServerCache.Disabled.ApplyTo((ActRequest)null!));
        Assert.Throws<ArgumentNullException>(() => ResolvedServerCache.Disabled.ApplyTo((ExtractRequest)null!));
        Assert.Throws<ArgumentNullException>(() => ResolvedServerCache.Disabled.ApplyTo((ObserveRequest)null!));
    }
}
