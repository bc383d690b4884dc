using System;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Support;

/// <summary>Builders for generated records with many required members.</summary>
internal static class Samples
{
    public static readonly Guid LlmId = Guid.Parse("00000000-0000-4000-8000-000000000001");
    public static readonly Guid ActLlmId = Guid.Parse("00000000-0000-4000-8000-00000000000a");
    public static readonly Guid ExtractLlmId = Guid.Parse("00000000-0000-4000-8000-00000000000e");
    public static readonly Guid ObserveLlmId = Guid.Parse("00000000-0000-4000-8000-00000000000b");

    public static BrowserSession BrowserSession(Guid? actLlmId = null, Guid? extractLlmId = null, Guid? observeLlmId = null) => new()
    {
        Id = Guid.Parse("10000000-0000-4000-8000-000000000000"),
        ProjectId = Guid.Parse("20000000-0000-4000-8000-000000000000"),
        Env = BrowserSessionEnv.Local,
        Status = BrowserSessionStatus.Running,
        Available = true,
        CdpUrl = "ws://127.0.0.1:9222/devtools/browser/x",
        BrowserbaseSessionId = null,
        BrowserbaseSessionCreateParams = null,
        LocalBrowserLaunchOptions = null,
        DomSettleTimeoutMs = null,
        Verbose = null,
        SelfHeal = null,
        WaitForCaptchaSolves = null,
        Experimental = null,
        ActTimeoutMs = null,
        LlmId = LlmId,
        ActLlmId = actLlmId,
        ObserveLlmId = observeLlmId,
        ExtractLlmId = extractLlmId,
        CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        EndedAt = null,
    };
}
