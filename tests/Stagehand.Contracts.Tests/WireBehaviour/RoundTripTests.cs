using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// Read → write → read round-trips for realistic documents of many contracts (v3, v4, internal), through the generated
/// Parse/WriteTo, the registry, and JsonSerializer with the converter attribute or with <see cref="StagehandContracts.JsonResolver"/>.
/// </summary>
public sealed class RoundTripTests
{
    private delegate T ParseFn<T>(ReadOnlySpan<byte> json, ContractReadOptions? options);

    private delegate ValidationResult ValidateFn(ReadOnlySpan<byte> json, ContractReadOptions? options);

    private delegate bool TryParseFn<T>(ReadOnlySpan<byte> json, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value, out ValidationResult result, ContractReadOptions? options);

    private static readonly JsonSerializerOptions ResolverOptions = new() { TypeInfoResolver = StagehandContracts.JsonResolver };

    private const string GenericModel = """
        {"modelName":"openai/gpt-5.4-mini","apiKey":"sk-test-0001","baseURL":"https://api.openai.com/v1","headers":{"OpenAI-Organization":"org-1"},
         "openaiEndpointFormat":"chat","provider":"openai"}
        """;

    private const string VertexModel = """
        {"modelName":"vertex/gemini-2.5-pro","provider":"vertex",
         "auth":{"type":"googleServiceAccount","credentials":{"type":"service_account","project_id":"my-project","private_key_id":"kid-1",
           "private_key":"-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n","client_email":"sa@my-project.iam.gserviceaccount.com",
           "client_id":"1234567890","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token",
           "universe_domain":"googleapis.com"},"scopes":["https://www.googleapis.com/auth/cloud-platform"],"projectId":"my-project"},
         "providerOptions":{"vertex":{"project":"my-project","location":"us-central1","baseURL":"https://us-central1-aiplatform.googleapis.com","headers":{"x-goog-user-project":"my-project"}}}}
        """;

    private const string AzureEntraModel = """
        {"modelName":"azure/gpt-4o","provider":"azure","providerOptions":{"azure":{"resourceName":"my-resource","apiVersion":"2024-10-01-preview","useDeploymentBasedUrls":true}},
         "auth":{"type":"azureEntraId","token":"eyJ0eXAiOiJKV1QifQ.payload.sig"}}
        """;

    private const string AzureApiKeyModel = """
        {"modelName":"azure/gpt-4o","apiKey":"azure-key-1","provider":"azure","providerOptions":{"azure":{"baseURL":"https://my-resource.openai.azure.com/openai","headers":{"x-ms-client":"c"}}}}
        """;

    private const string LlmConfigFull = """
        {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","source":"system-default","displayName":"Default LLM","modelName":"openai/gpt-4.1-nano",
         "baseUrl":"https://api.openai.com/v1","systemPrompt":"You are terse.","providerOptions":{"temperature":0.7,"organization":"org-1","project":"proj-1","location":"eu"},
         "createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-02T08:30:15.125+02:00"}
        """;

    private const string LlmConfigNulls = """
        {"id":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a","source":"user","displayName":null,"modelName":"anthropic/claude-sonnet-4",
         "baseUrl":null,"systemPrompt":null,"providerOptions":null,"createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z"}
        """;

    private const string BrowserSessionJson = """
        {"id":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","env":"BROWSERBASE","status":"running","available":true,
         "cdpUrl":"wss://connect.browserbase.com/x","browserbaseSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a",
         "browserbaseSessionCreateParams":{"region":"ap-southeast-1","keepAlive":false,"proxies":true},"localBrowserLaunchOptions":null,
         "domSettleTimeoutMs":1500,"verbose":0,"selfHeal":true,"waitForCaptchaSolves":null,"experimental":false,"actTimeoutMs":null,
         "llmId":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","actLlmId":null,"observeLlmId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a","extractLlmId":null,
         "createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:05:00Z","endedAt":null}
        """;

    private static readonly Dictionary<string, System.Action> Cases = new()
    {
        // ---- v3 requests ----
        ["v3 SessionStartRequest (nested params, enums, unions, JsonAny map)"] = () => Check<V3.SessionStartRequest>("SessionStartRequest", """
            {"modelName":"openai/gpt-5.4-mini","domSettleTimeoutMs":3000,"verbose":2,"systemPrompt":"Be brief.",
             "browserbaseSessionCreateParams":{"projectId":"proj","extensionId":"ext-1","keepAlive":true,"region":"eu-central-1","timeout":600,
               "browserSettings":{"advancedStealth":false,"blockAds":true,"captchaImageSelector":"#img","context":{"id":"ctx-1","persist":true},
                 "fingerprint":{"browsers":["chrome","firefox"],"devices":["desktop","mobile"],"httpVersion":"2","locales":["en-US","de-DE"],
                   "operatingSystems":["linux","macos"],"screen":{"maxHeight":1080,"maxWidth":1920,"minHeight":600,"minWidth":800}},
                 "logSession":true,"os":"mac","recordSession":false,"solveCaptchas":true,"viewport":{"width":1288,"height":711}},
               "proxies":[{"type":"browserbase","domainPattern":".*\\.example\\.com","geolocation":{"country":"US","city":"New York","state":"NY"}},
                          {"type":"external","server":"http://proxy.internal:8080","username":"u","password":"p"}],
               "userMetadata":{"team":"qa","run":[1,2.5,{"nested":null}],"ok":true}},
             "browser":{"type":"local","cdpUrl":"ws://127.0.0.1:9222","launchOptions":{"args":["--no-sandbox"],"headless":true,"ignoreDefaultArgs":["--mute-audio"],
               "proxy":{"server":"http://p:1","bypass":"localhost"},"viewport":{"width":1280,"height":720},"deviceScaleFactor":2,"cdpHeaders":{"x-a":"b"},"acceptDownloads":true}},
             "selfHeal":true,"browserbaseSessionID":"bb-1","experimental":false,"waitForCaptchaSolves":false,"actTimeoutMs":10000,"useTouch":false}
            """, V3.SessionStartRequest.Parse, V3.SessionStartRequest.Validate, V3.SessionStartRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ActRequest (instruction, generic model, variables map of every case, null frameId)"] = () => Check<V3.ActRequest>("ActRequest",
            """{"input":"click the login button","options":{"model":""" + GenericModel
            + ""","variables":{"user":"alice","age":42,"ratio":0.5,"admin":false,"pw":{"value":"hunter2","description":"the password"},"pin":{"value":1234}},"timeout":30000},"frameId":null,"streamResponse":false,"cacheThreshold":5}""",
            V3.ActRequest.Parse, V3.ActRequest.Validate, V3.ActRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ActRequest (action input, model name)"] = () => Check<V3.ActRequest>("ActRequest", """
            {"input":{"selector":"xpath=/html/body/div[1]/button","description":"Login button","backendNodeId":17,"method":"click","arguments":[]},
             "options":{"model":"anthropic/claude-sonnet-4"},"frameId":"frame-1"}
            """, V3.ActRequest.Parse, V3.ActRequest.Validate, V3.ActRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ActRequest (vertex model)"] = () => Check<V3.ActRequest>("ActRequest", """{"input":"scroll","options":{"model":""" + VertexModel + "}}",
            V3.ActRequest.Parse, V3.ActRequest.Validate, V3.ActRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ExtractRequest (free-form schema, options)"] = () => Check<V3.ExtractRequest>("ExtractRequest",
            """{"instruction":"get the title","schema":{"type":"object","properties":{"title":{"type":"string"},"n":{"type":"number","minimum":0}},"required":["title"]},"options":{"model":"""
            + AzureEntraModel + ""","timeout":10000,"selector":"//main","ignoreSelectors":["nav","footer"],"screenshot":true},"frameId":"","streamResponse":true,"cacheThreshold":1}""",
            V3.ExtractRequest.Parse, V3.ExtractRequest.Validate, V3.ExtractRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ObserveRequest"] = () => Check<V3.ObserveRequest>("ObserveRequest",
            """{"instruction":"find the buttons","options":{"model":""" + AzureApiKeyModel
            + ""","variables":{"query":"shoes"},"timeout":5000,"selector":"body","ignoreSelectors":[]},"cacheThreshold":2147483647}""",
            V3.ObserveRequest.Parse, V3.ObserveRequest.Validate, V3.ObserveRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 NavigateRequest (enum waitUntil)"] = () => Check<V3.NavigateRequest>("NavigateRequest", """
            {"url":"https://example.com/a%20b?q=1#top","options":{"referer":"https://google.com","timeout":5000,"waitUntil":"networkidle"},"frameId":"","streamResponse":true}
            """, V3.NavigateRequest.Parse, V3.NavigateRequest.Validate, V3.NavigateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 AgentExecuteRequest"] = () => Check<V3.AgentExecuteRequest>("AgentExecuteRequest", """
            {"agentConfig":{"provider":"anthropic","model":{"modelName":"anthropic/claude-sonnet-4","apiKey":"sk-ant-1"},"systemPrompt":"Shop carefully.","cua":false,
               "mode":"hybrid","executionModel":"openai/gpt-4.1-mini"},
             "executeOptions":{"instruction":"buy socks","maxSteps":20,"highlightCursor":true,"useSearch":false,"toolTimeout":1000,
               "variables":{"card":{"value":4242,"description":"test card"},"gift":true}},
             "frameId":null,"streamResponse":false,"shouldCache":true}
            """, V3.AgentExecuteRequest.Parse, V3.AgentExecuteRequest.Validate, V3.AgentExecuteRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 SessionEndRequest (empty)"] = () => Check<V3.SessionEndRequest>("SessionEndRequest", "{}",
            V3.SessionEndRequest.Parse, V3.SessionEndRequest.Validate, V3.SessionEndRequest.TryParse, (v, w) => v.WriteTo(w)),

        // ---- v3 responses ----
        ["v3 SessionStartResponse (nullable cdpUrl)"] = () => Check<V3.SessionStartResponse>("SessionStartResponse", """
            {"success":true,"data":{"sessionId":"sess-1","cdpUrl":null,"available":true}}
            """, V3.SessionStartResponse.Parse, V3.SessionStartResponse.Validate, V3.SessionStartResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ActResponse (list of actions)"] = () => Check<V3.ActResponse>("ActResponse", """
            {"success":true,"data":{"result":{"success":true,"message":"Clicked","actionDescription":"Clicked the login button",
              "actions":[{"selector":"#login","description":"Login","backendNodeId":42,"method":"click","arguments":[]},
                         {"selector":"#user","description":"User","method":"fill","arguments":["alice"]}]},"actionId":"8d1c5f2a-3b4e-4c6d-9e8f-0a1b2c3d4e5f"}}
            """, V3.ActResponse.Parse, V3.ActResponse.Validate, V3.ActResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ExtractResponse (JsonAny result)"] = () => Check<V3.ExtractResponse>("ExtractResponse", """
            {"success":true,"data":{"result":{"title":"Hello","n":[1,2.5,-3e2,null,true,"\u00e9\ud83d\ude00"]},"actionId":"x-1"}}
            """, V3.ExtractResponse.Parse, V3.ExtractResponse.Validate, V3.ExtractResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ObserveResponse"] = () => Check<V3.ObserveResponse>("ObserveResponse", """
            {"success":true,"data":{"result":[{"selector":"#a","description":"A"},{"selector":"#b","description":"B","method":"fill","arguments":["x","y"]}]}}
            """, V3.ObserveResponse.Parse, V3.ObserveResponse.Validate, V3.ObserveResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 NavigateResponse (null result)"] = () => Check<V3.NavigateResponse>("NavigateResponse", """
            {"success":true,"data":{"result":null,"actionId":"n-1"}}
            """, V3.NavigateResponse.Parse, V3.NavigateResponse.Validate, V3.NavigateResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 AgentExecuteResponse (kept members, usage, cache entry)"] = () => Check<V3.AgentExecuteResponse>("AgentExecuteResponse", """
            {"success":true,"data":{"result":{"success":true,"message":"Done","completed":true,
               "actions":[{"type":"click","reasoning":"the button","taskCompleted":false,"action":"click","timeMs":12.5,"pageUrl":"https://x.test","extraField":{"kept":[1]}}],
               "metadata":{"steps":3,"trace":["a","b"]},"usage":{"input_tokens":10,"output_tokens":5,"reasoning_tokens":1,"cached_input_tokens":0,"inference_time_ms":100}},
             "cacheEntry":{"cacheKey":"k-1","entry":{"steps":[{"a":1}]}}}}
            """, V3.AgentExecuteResponse.Parse, V3.AgentExecuteResponse.Validate, V3.AgentExecuteResponse.TryParse, (v, w) => v.WriteTo(w), strictRoundTrip: false),
        ["v3 ReplayResponse"] = () => Check<V3.ReplayResponse>("ReplayResponse", """
            {"success":true,"data":{"pages":[{"url":"https://x.test","timestamp":1700000000000,"duration":2500,
              "actions":[{"method":"act","parameters":{"instruction":"click"},"result":{},"timestamp":1700000000001,"endTime":1700000000100,
                          "tokenUsage":{"inputTokens":1,"outputTokens":2,"timeMs":3,"cost":0.0125}}]}],"clientLanguage":"typescript"}}
            """, V3.ReplayResponse.Parse, V3.ReplayResponse.Validate, V3.ReplayResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 SessionEndResponse"] = () => Check<V3.SessionEndResponse>("SessionEndResponse", """{"success":false}""",
            V3.SessionEndResponse.Parse, V3.SessionEndResponse.Validate, V3.SessionEndResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ErrorResponse (const success false)"] = () => Check<V3.ErrorResponse>("ErrorResponse", """{"success":false,"error":"boom","code":"E_BOOM"}""",
            V3.ErrorResponse.Parse, V3.ErrorResponse.Validate, V3.ErrorResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 MessageErrorResponse"] = () => Check<V3.MessageErrorResponse>("MessageErrorResponse", """{"success":false,"message":"Session not found"}""",
            V3.MessageErrorResponse.Parse, V3.MessageErrorResponse.Validate, V3.MessageErrorResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 StreamEvent (finished system event)"] = () => Check<V3.StreamEvent>("StreamEvent", """
            {"data":{"status":"finished","result":{"ok":true},"actionId":"a-1","cacheHit":false},"type":"system","id":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}
            """, V3.StreamEvent.Parse, V3.StreamEvent.Validate, V3.StreamEvent.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 StreamEvent (error system event)"] = () => Check<V3.StreamEvent>("StreamEvent", """
            {"data":{"status":"error","error":"Something failed"},"type":"system","id":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}
            """, V3.StreamEvent.Parse, V3.StreamEvent.Validate, V3.StreamEvent.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 StreamEventLogData (LogLine message)"] = () => Check<V3.StreamEventLogData>("StreamEventLogData", """
            {"status":"running","message":{"message":"hi","id":"1","category":"action","timestamp":"2026-01-01T00:00:00Z","level":0,
              "auxiliary":{"url":{"value":"https://x.test","type":"string"},"n":{"value":"3","type":"integer"}}}}
            """, V3.StreamEventLogData.Parse, V3.StreamEventLogData.Validate, V3.StreamEventLogData.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ModelConfig (vertex, const provider)"] = () => Check<V3.ModelConfig>("ModelConfig", VertexModel,
            V3.ModelConfig.Parse, V3.ModelConfig.Validate, V3.ModelConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ModelConfig (azure entra)"] = () => Check<V3.ModelConfig>("ModelConfig", AzureEntraModel,
            V3.ModelConfig.Parse, V3.ModelConfig.Validate, V3.ModelConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ModelConfig (azure api key)"] = () => Check<V3.ModelConfig>("ModelConfig", AzureApiKeyModel,
            V3.ModelConfig.Parse, V3.ModelConfig.Validate, V3.ModelConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 GenericModelConfigObject"] = () => Check<V3.GenericModelConfigObject>("GenericModelConfigObject", GenericModel,
            V3.GenericModelConfigObject.Parse, V3.GenericModelConfigObject.Validate, V3.GenericModelConfigObject.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ServerCacheSetting (boolean)"] = () => Check<V3.ServerCacheSetting>("ServerCacheSetting", "false",
            V3.ServerCacheSetting.Parse, V3.ServerCacheSetting.Validate, V3.ServerCacheSetting.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ServerCacheSetting (threshold)"] = () => Check<V3.ServerCacheSetting>("ServerCacheSetting", """{"threshold":3}""",
            V3.ServerCacheSetting.Parse, V3.ServerCacheSetting.Validate, V3.ServerCacheSetting.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ServerCacheDefaults (per method)"] = () => Check<V3.ServerCacheDefaults>("ServerCacheDefaults", """{"act":{"threshold":2},"extract":false,"observe":true}""",
            V3.ServerCacheDefaults.Parse, V3.ServerCacheDefaults.Validate, V3.ServerCacheDefaults.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ActOutcome (cacheStatus)"] = () => Check<V3.ActOutcome>("ActOutcome", """
            {"success":true,"message":"m","actionDescription":"d","actions":[{"selector":"#a","description":"A"}],"cacheStatus":"HIT"}
            """, V3.ActOutcome.Parse, V3.ActOutcome.Validate, V3.ActOutcome.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ExtractOutcome"] = () => Check<V3.ExtractOutcome>("ExtractOutcome", """{"data":{"x":[1,{"y":"z"}]},"completed":false,"cacheStatus":"MISS"}""",
            V3.ExtractOutcome.Parse, V3.ExtractOutcome.Validate, V3.ExtractOutcome.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 ObserveOutcome"] = () => Check<V3.ObserveOutcome>("ObserveOutcome", """{"actions":[],"cacheStatus":"HIT"}""",
            V3.ObserveOutcome.Parse, V3.ObserveOutcome.Validate, V3.ObserveOutcome.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 Verbosity (numeric enum)"] = () => CheckEnum<V3.Verbosity>("Verbosity", "2", V3.VerbosityWireValues.WriteTo),
        ["v3 VariableValue (described)"] = () => Check<V3.VariableValue>("VariableValue", """{"value":true,"description":"flag"}""",
            V3.VariableValue.Parse, V3.VariableValue.Validate, V3.VariableValue.TryParse, (v, w) => v.WriteTo(w)),
        ["v3 LocalBrowserLaunchOptions (boolean ignoreDefaultArgs)"] = () => Check<V3.LocalBrowserLaunchOptions>("LocalBrowserLaunchOptions", """
            {"args":[],"executablePath":"/usr/bin/chromium","port":9222,"userDataDir":"/tmp/u","preserveUserDataDir":false,"headless":false,"devtools":true,
             "chromiumSandbox":false,"ignoreDefaultArgs":true,"locale":"en-US","hasTouch":false,"ignoreHTTPSErrors":true,"connectTimeoutMs":30000,
             "downloadsPath":"/tmp/d","acceptDownloads":false}
            """, V3.LocalBrowserLaunchOptions.Parse, V3.LocalBrowserLaunchOptions.Validate, V3.LocalBrowserLaunchOptions.TryParse, (v, w) => v.WriteTo(w)),

        // ---- v4 ----
        ["v4 LLMConfig (every member set)"] = () => Check<V4.LLMConfig>("LLMConfig", LlmConfigFull,
            V4.LLMConfig.Parse, V4.LLMConfig.Validate, V4.LLMConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMConfig (required-nullable members null)"] = () => Check<V4.LLMConfig>("LLMConfig", LlmConfigNulls,
            V4.LLMConfig.Parse, V4.LLMConfig.Validate, V4.LLMConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMSource (enum)"] = () => CheckEnum<V4.LLMSource>("LLMSource", "\"system-default\"", V4.LLMSourceWireValues.WriteTo),
        ["v4 LLMCreateRequest (optional+nullable members)"] = () => Check<V4.LLMCreateRequest>("LLMCreateRequest", """
            {"displayName":null,"modelName":"openai/gpt-4.1-nano","baseUrl":"https://llm.example.com/v1","providerOptions":{"temperature":0}}
            """, V4.LLMCreateRequest.Parse, V4.LLMCreateRequest.Validate, V4.LLMCreateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMUpdateRequest (null clears)"] = () => Check<V4.LLMUpdateRequest>("LLMUpdateRequest", """
            {"systemPrompt":null,"baseUrl":null,"providerOptions":null,"modelName":"openai/gpt-4.1"}
            """, V4.LLMUpdateRequest.Parse, V4.LLMUpdateRequest.Validate, V4.LLMUpdateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMResponse (const success true)"] = () => Check<V4.LLMResponse>("LLMResponse", """{"success":true,"data":{"llm":""" + LlmConfigFull + "}}",
            V4.LLMResponse.Parse, V4.LLMResponse.Validate, V4.LLMResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMListResponse (list)"] = () => Check<V4.LLMListResponse>("LLMListResponse", """{"success":true,"data":{"llms":[""" + LlmConfigFull + "," + LlmConfigNulls + "]}}",
            V4.LLMListResponse.Parse, V4.LLMListResponse.Validate, V4.LLMListResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 LLMErrorResponse (const success false)"] = () => Check<V4.LLMErrorResponse>("LLMErrorResponse", """{"success":false,"message":"LLM not found"}""",
            V4.LLMErrorResponse.Parse, V4.LLMErrorResponse.Validate, V4.LLMErrorResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionCreateRequest (LOCAL)"] = () => Check<V4.BrowserSessionCreateRequest>("BrowserSessionCreateRequest", """
            {"env":"LOCAL","verbose":1,"selfHeal":true,"llmId":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","extractLlmId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a",
             "localBrowserLaunchOptions":{"headless":true,"viewport":{"width":1024,"height":768}}}
            """, V4.BrowserSessionCreateRequest.Parse, V4.BrowserSessionCreateRequest.Validate, V4.BrowserSessionCreateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionCreateRequest (BROWSERBASE)"] = () => Check<V4.BrowserSessionCreateRequest>("BrowserSessionCreateRequest", """
            {"env":"BROWSERBASE","browserbaseSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a","browserbaseSessionCreateParams":{"region":"us-west-2","proxies":false},"actTimeoutMs":5000}
            """, V4.BrowserSessionCreateRequest.Parse, V4.BrowserSessionCreateRequest.Validate, V4.BrowserSessionCreateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionUpdateRequest (null vs uuid)"] = () => Check<V4.BrowserSessionUpdateRequest>("BrowserSessionUpdateRequest", """
            {"verbose":0,"llmId":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","actLlmId":null,"observeLlmId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a"}
            """, V4.BrowserSessionUpdateRequest.Parse, V4.BrowserSessionUpdateRequest.Validate, V4.BrowserSessionUpdateRequest.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionResponse"] = () => Check<V4.BrowserSessionResponse>("BrowserSessionResponse", """{"success":true,"data":{"browserSession":""" + BrowserSessionJson + "}}",
            V4.BrowserSessionResponse.Parse, V4.BrowserSessionResponse.Validate, V4.BrowserSessionResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionV4ErrorResponse"] = () => Check<V4.BrowserSessionV4ErrorResponse>("BrowserSessionV4ErrorResponse", """
            {"success":false,"error":"Browser session not found","statusCode":404,"stack":null,"action":{"id":"a","status":"failed"}}
            """, V4.BrowserSessionV4ErrorResponse.Parse, V4.BrowserSessionV4ErrorResponse.Validate, V4.BrowserSessionV4ErrorResponse.TryParse, (v, w) => v.WriteTo(w)),
        ["v4 BrowserSessionEndRequest (empty)"] = () => Check<V4.BrowserSessionEndRequest>("BrowserSessionEndRequest", "{}",
            V4.BrowserSessionEndRequest.Parse, V4.BrowserSessionEndRequest.Validate, V4.BrowserSessionEndRequest.TryParse, (v, w) => v.WriteTo(w)),

        // ---- internal ----
        ["internal InternalLLMConfig"] = () => Check<Internal.InternalLLMConfig>("InternalLLMConfig", """
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","source":"user","displayName":"Mine",
             "modelName":"openai/gpt-4.1","baseUrl":null,"systemPrompt":null,"providerOptions":{"organization":"o"},
             "createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z"}
            """, Internal.InternalLLMConfig.Parse, Internal.InternalLLMConfig.Validate, Internal.InternalLLMConfig.TryParse, (v, w) => v.WriteTo(w)),
        ["internal LLMSession (ints, nullable dates, enum)"] = () => Check<Internal.LLMSession>("LLMSession", """
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","copiedTemplateId":null,"forkedSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a",
             "projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","browserSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
             "createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:01Z","connectedAt":"2026-03-01T12:00:02Z","disconnectedAt":null,
             "lastRequestAt":null,"lastResponseAt":null,"lastErrorAt":"2026-03-01T12:00:03.5-05:00","lastErrorMessage":"rate limited","status":"permanent-error",
             "model":"openai/gpt-5-nano","baseUrl":"https://api.openai.com/v1","options":{"temperature":0.1},"extraHttpHeaders":{"x-a":"b"},"systemPrompt":null,
             "tokensInput":100,"tokensOutput":50,"tokensReasoning":0,"tokensCachedInput":25,"tokensTotal":2147483647}
            """, Internal.LLMSession.Parse, Internal.LLMSession.Validate, Internal.LLMSession.TryParse, (v, w) => v.WriteTo(w)),
        ["internal LLMCall (JsonAny members, null)"] = () => Check<Internal.LLMCall>("LLMCall", """
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","llmSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a","sentAt":"2026-03-01T12:00:00Z",
             "receivedAt":null,"prompt":"Say hi","expectedResponseSchema":{"type":"string"},"response":null,"error":{"code":429},"usage":null,"model":"openai/gpt-5-nano"}
            """, Internal.LLMCall.Parse, Internal.LLMCall.Validate, Internal.LLMCall.TryParse, (v, w) => v.WriteTo(w)),
        ["internal StagehandStep"] = () => Check<Internal.StagehandStep>("StagehandStep", """
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","stagehandBrowserSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a","operation":"extract",
             "llmTemplateId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","llmSessionId":null,"params":{"instruction":"x"},"result":[1,2]}
            """, Internal.StagehandStep.Parse, Internal.StagehandStep.Validate, Internal.StagehandStep.TryParse, (v, w) => v.WriteTo(w)),
        ["internal StagehandBrowserSession"] = () => Check<Internal.StagehandBrowserSession>("StagehandBrowserSession", """
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","browserbaseSessionId":null,"cdpUrl":"ws://x",
             "status":"terminated","defaultLLMSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}
            """, Internal.StagehandBrowserSession.Parse, Internal.StagehandBrowserSession.Validate, Internal.StagehandBrowserSession.TryParse, (v, w) => v.WriteTo(w)),
        ["internal LLMSessionStatus (enum)"] = () => CheckEnum<Internal.LLMSessionStatus>("LLMSessionStatus", "\"ratelimited\"", Internal.LLMSessionStatusWireValues.WriteTo),
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Round_trip_covers_at_least_25_contracts_across_every_family()
    {
        var names = Cases.Keys.Select(k => k.Split(' ')[1]).Distinct().ToArray();
        Assert.True(names.Length >= 25, $"only {names.Length} contracts");
        Assert.Contains(Cases.Keys, k => k.StartsWith("v3 ", StringComparison.Ordinal));
        Assert.Contains(Cases.Keys, k => k.StartsWith("v4 ", StringComparison.Ordinal));
        Assert.Contains(Cases.Keys, k => k.StartsWith("internal ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_write_parse_gives_an_equal_value(string name) => Cases[name]();

    private static void Check<T>(string contract, string json, ParseFn<T> parse, ValidateFn validate, TryParseFn<T> tryParse, Action<T, Utf8JsonWriter> write, bool strictRoundTrip = true)
    {
        var input = Utf8(json);
        Valid(validate(input, null), $"{contract} input");

        // Parse → WriteTo → Parse.
        T first = parse(input, null);
        byte[] written = Write(w => write(first, w));
        string writtenText = Encoding.UTF8.GetString(written);
        Valid(validate(written, null), $"{contract} written: {writtenText}");
        if (strictRoundTrip)
        {
            Valid(validate(written, WireAssert.Strict), $"{contract} written, strict: {writtenText}");
        }

        T second = parse(written, null);
        Assert.Equal(first, second);
        Assert.Equal(writtenText, Encoding.UTF8.GetString(Write(w => write(second, w))));

        // TryParse agrees with Parse.
        Assert.True(tryParse(input, out var tried, out var triedResult, null), Describe(triedResult));
        Assert.True(triedResult.IsValid);
        Assert.Equal(first, tried);

        // The in-memory checks accept what the reader accepted.
        if (first is not null)
        {
            var inMemory = (ValidationResult)first.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(first, null)!;
            Valid(inMemory, $"{contract} in-memory Validate()");
        }

        // The registry's descriptor parses the same value.
        Assert.True(StagehandContracts.Registry.TryGet(contract, out var descriptor), $"{contract} is not in the registry");
        Assert.Equal(typeof(T), descriptor!.Type);
        Valid(descriptor.Validate(input, null));
        Assert.True(descriptor.TryParse(input, null, out var boxed, out _));
        Assert.Equal(first, (T)boxed!);

        // JsonSerializer with plain options (the [JsonConverter] attribute) and with the AOT resolver.
        T viaAttribute = JsonSerializer.Deserialize<T>(json)!;
        Assert.Equal(first, viaAttribute);
        Assert.Equal(writtenText, JsonSerializer.Serialize(first));
        T viaResolver = JsonSerializer.Deserialize<T>(json, ResolverOptions)!;
        Assert.Equal(first, viaResolver);
        Assert.Equal(writtenText, JsonSerializer.Serialize(first, ResolverOptions));
    }

    private static void CheckEnum<T>(string contract, string json, Action<Utf8JsonWriter, T> write)
        where T : struct, Enum
    {
        var input = Utf8(json);
        Assert.True(StagehandContracts.Registry.TryGet(contract, out var descriptor), $"{contract} is not in the registry");
        Assert.Equal(typeof(T), descriptor!.Type);
        Valid(descriptor.Validate(input, null));
        Assert.True(descriptor.TryParse(input, null, out var boxed, out _));
        var first = (T)boxed!;
        byte[] written = Write(w => write(w, first));
        Assert.Equal(json, Encoding.UTF8.GetString(written));
        Assert.True(descriptor.TryParse(written, null, out var again, out _));
        Assert.Equal(first, (T)again!);
        Assert.Equal(first, JsonSerializer.Deserialize<T>(json));
        Assert.Equal(first, JsonSerializer.Deserialize<T>(json, ResolverOptions));
        Assert.Equal(json, JsonSerializer.Serialize(first));
        Assert.Equal(json, JsonSerializer.Serialize(first, ResolverOptions));
    }

    // ---- JsonSerializer on invalid input ----

    [Theory]
    [InlineData("""{"input":42}""")]
    [InlineData("""{"options":{}}""")]
    [InlineData("""{"input":"x","cacheThreshold":0}""")]
    [InlineData("""{"input":"x","input":"y"}""")]
    [InlineData("""{"input":"x",}""")]
    public void JsonSerializer_throws_a_JsonException_on_an_invalid_document(string json)
    {
        var plain = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>(json));
        var resolver = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>(json, ResolverOptions));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>(Utf8(json)));
        if (json != """{"input":"x",}""")
        {
            // Well-formed JSON that breaks the contract: the converter's own exception, with every violation.
            var contractError = Assert.IsType<ContractValidationException>(plain);
            Assert.Equal("ActRequest", contractError.Contract);
            Assert.False(contractError.Result.IsValid);
            Assert.IsType<ContractValidationException>(resolver);
        }
    }

    [Fact]
    public void JsonSerializer_options_that_allow_comments_or_trailing_commas_do_not_loosen_the_contract()
    {
        var lenient = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>("""{"input":"x" /* c */}""", lenient));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>("""{"input":"x","options":{"timeout":1,}}""", lenient));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>("""{"input":"x","input":"y"}""", lenient));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<V3.ActRequest>("{\"input\":\"\\ud800\"}", lenient));
    }

    [Fact]
    public void JsonSerializer_throws_ContractValidationException_for_a_v4_mass_assignment()
    {
        var error = Assert.Throws<ContractValidationException>(() => JsonSerializer.Deserialize<V4.LLMCreateRequest>("""{"modelName":"m","id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40"}""", ResolverOptions));
        HasError(error.Result, "/id", "readOnly");
    }

    [Fact]
    public void Converter_reads_contracts_nested_in_a_larger_document()
    {
        var json = """{"first":{"input":"a"},"second":{"input":{"selector":"#b","description":"B"},"cacheThreshold":3}}""";
        var map = JsonSerializer.Deserialize<Dictionary<string, V3.ActRequest>>(json)!;
        Assert.True(map["first"].Input.TryGetInstruction(out var instruction));
        Assert.Equal("a", instruction);
        Assert.True(map["second"].Input.TryGetAction(out var action));
        Assert.Equal("#b", action!.Selector);
        Assert.Equal(3, map["second"].CacheThreshold);

        var list = JsonSerializer.Deserialize<List<V4.LLMConfig>>("[" + LlmConfigFull + "," + LlmConfigNulls + "]")!;
        Assert.Equal(2, list.Count);
        Assert.Equal(V4.LLMSource.SystemDefault, list[0].Source);

        // An invalid element inside the larger document still fails with the contract's error, its pointer relative to the contract.
        var error = Assert.Throws<ContractValidationException>(() => JsonSerializer.Deserialize<Dictionary<string, V3.ActRequest>>("""{"ok":{"input":"a"},"bad":{"input":"b","cacheThreshold":0}}"""));
        ExactErrors(error.Result, ("/cacheThreshold", "minimum"));
    }

    [Fact]
    public void Parsed_values_expose_the_union_cases_and_members()
    {
        var act = V3.ActRequest.Parse(Utf8("""{"input":"go","options":{"model":""" + GenericModel + ""","variables":{"a":"x","b":2,"c":true,"d":{"value":"v","description":"dd"}}},"frameId":null}"""));
        Assert.True(act.FrameId.HasValue);
        Assert.Null(act.FrameId.Value);
        Assert.True(act.Options!.Model!.Value.TryGetConfig(out var config));
        Assert.True(config.TryGetGeneric(out var generic));
        Assert.Equal("sk-test-0001", generic!.ApiKey);
        Assert.Equal(new Uri("https://api.openai.com/v1"), generic.BaseURL);
        Assert.Equal(V3.OpenAIEndpointFormat.Chat, generic.OpenaiEndpointFormat);
        Assert.Equal(V3.ModelProvider.OpenAI, generic.Provider);
        var variables = act.Options.Variables!;
        Assert.Equal(V3.VariableValue.FromString("x"), variables["a"]);
        Assert.Equal(V3.VariableValue.FromNumber(2), variables["b"]);
        Assert.Equal(V3.VariableValue.FromBoolean(true), variables["c"]);
        Assert.True(variables["d"].TryGetDescribed(out var described));
        Assert.Equal("dd", described!.Description);

        var vertex = V3.ModelConfig.Parse(Utf8(VertexModel));
        Assert.True(vertex.TryGetVertex(out var vertexCase));
        Assert.Equal("vertex", vertexCase!.Provider);
        Assert.Equal("us-central1", vertexCase.ProviderOptions.Vertex.Location);

        Assert.Equal(V3.Verbosity.Debug, JsonSerializer.Deserialize<V3.Verbosity>("2"));
        Assert.Equal("2", JsonSerializer.Serialize(V3.Verbosity.Debug));
        Assert.True(StagehandContracts.Registry.TryGet("Verbosity", out var verbosity));
        HasError(verbosity!.Validate(Utf8("3"), null), string.Empty, "enum");
        Assert.False(verbosity.Validate(Utf8("\"2\""), null).IsValid);
        Assert.True(StagehandContracts.Registry.TryGet("LLMSource", out var source));
        HasError(source!.Validate(Utf8("\"admin\""), null), string.Empty, "enum");
        HasError(V3.SessionStartRequest.Validate(Utf8("""{"modelName":"m","verbose":"1"}""")), "/verbose", "type");
        HasError(V3.SessionStartRequest.Validate(Utf8("""{"modelName":"m","verbose":3}""")), "/verbose", "enum");
    }

    [Fact]
    public void Const_members_are_checked_on_read()
    {
        HasError(V4.LLMResponse.Validate(Utf8("""{"success":false,"data":{"llm":""" + LlmConfigFull + "}}")), "/success", "const");
        HasError(V4.LLMErrorResponse.Validate(Utf8("""{"success":true,"message":"m"}""")), "/success", "const");
        HasError(V3.ErrorResponse.Validate(Utf8("""{"success":true,"error":"e"}""")), "/success", "const");
        var vertexAsAzure = VertexModel.Replace("\"provider\":\"vertex\"", "\"provider\":\"azure\"", StringComparison.Ordinal);
        HasError(V3.VertexModelConfigObject.Validate(Utf8(vertexAsAzure)), "/provider", "const");
        HasError(V3.AzureEntraIdAuth.Validate(Utf8("""{"type":"googleServiceAccount","token":"t"}""")), "/type", "const");
    }
}
