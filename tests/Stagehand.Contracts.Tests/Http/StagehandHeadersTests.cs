using Stagehand.Contracts.Http;
using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Tests.Http;

public sealed class StagehandHeadersTests
{
    [Fact]
    public void Header_names_match_the_wire()
    {
        Assert.Equal("browserbase-cache-bypass", StagehandHeaders.CacheBypass);
        Assert.Equal("true", StagehandHeaders.CacheBypassValue);
        Assert.Equal("browserbase-cache-status", StagehandHeaders.CacheStatus);
    }

    [Theory]
    [InlineData("HIT", CacheStatus.Hit)]
    [InlineData("MISS", CacheStatus.Miss)]
    public void Cache_status_parses_HIT_and_MISS(string header, CacheStatus expected)
    {
        Assert.True(StagehandHeaders.TryParseCacheStatus(header, out CacheStatus status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hit")]
    [InlineData("Miss")]
    [InlineData(" HIT")]
    [InlineData("HIT ")]
    [InlineData("BYPASS")]
    [InlineData("true")]
    public void Cache_status_rejects_anything_else(string? header)
    {
        Assert.False(StagehandHeaders.TryParseCacheStatus(header, out CacheStatus status));
        Assert.Equal(default, status);
    }
}
