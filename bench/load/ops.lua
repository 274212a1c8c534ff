-- wrk script for the load test: sends one kind of GraphQL request to quotedb
-- or to PostGraphile, drawing ids from the dataset's ids.lua.
--
--   wrk -s ops.lua URL -- SERVER OP IDS_FILE [TOKEN]
--
-- SERVER is quotedb, quotedb-pg (quotedb on PostgreSQL, asked the same) or
-- postgraphile; OP one of whosaidwhat, speaker, statement, create, ingest.
-- The servers get the same question, in each one's GraphQL schema. TOKEN,
-- an API token, is sent to quotedb, whose mutations need one.

local server, dialect, op, ids
local counter = 0

local queries = {
  quotedb = {
    whosaidwhat = [[query($topic: ID!, $from: PartialDate!, $to: PartialDate!) { statements(filter: {topics: [$topic], said: {from: $from, to: $to}}, first: 20) { nodes { id text said kind speaker { id name } organisation { id shortName name } role topics { id name } source { id title url published } } pageInfo { hasNextPage endCursor } } }]],
    speaker = [[query($id: ID!) { speaker(id: $id) { name aliases affiliations { nodes { organisation { shortName } role start end } } statements(last: 20) { nodes { said text organisation { shortName } role } } } }]],
    statement = [[query($id: ID!) { statement(id: $id) { text said kind speaker { name } source { title url published text } span { start end } } }]],
    create = [[mutation($speaker: ID!, $text: String!, $said: PartialDate!) { createStatement(input: {text: $text, kind: DIRECT, speaker: $speaker, said: $said}) { id } }]],
    ingest = [[mutation($text: String!, $title: String!, $date: PartialDate!) { ingestDocument(input: {text: $text, title: $title, date: $date}) { created statementCount } }]],
  },
  postgraphile = {
    whosaidwhat = [[query($topic: UUID!, $from: Int!, $to: Int!, $year: Int!) { whoSaidWhat(topic: $topic, fromKey: $from, toKey: $to, yearKey: $year, first: 20) { nodes { rowId text said kind speakerBySpeakerId { rowId name } organisationAtTime { rowId shortName name } roleAtTime statementTopicsByStatementId { nodes { topicByTopicId { rowId name } } } sourceBySourceId { rowId title url published } } pageInfo { hasNextPage endCursor } } }]],
    speaker = [[query($id: UUID!) { speakerByRowId(rowId: $id) { name aliases affiliationsBySpeakerId { nodes { organisationByOrganisationId { shortName } role startFirst endLast } } statementsBySpeakerId(first: 20, orderBy: [SAID_KEY_DESC, ROW_ID_DESC]) { nodes { said text organisationAtTime { shortName } roleAtTime } } } }]],
    statement = [[query($id: UUID!) { statementByRowId(rowId: $id) { text said kind speakerBySpeakerId { name } sourceBySourceId { title url published text } spanStart spanEnd } }]],
    create = [[mutation($speaker: UUID!, $text: String!, $said: String!, $key: Int!, $day: Date!) { createStatement(input: {statement: {text: $text, kind: "DIRECT", speakerId: $speaker, said: $said, saidKey: $key, saidFirst: $day, saidLast: $day}}) { statement { rowId } } }]],
    ingest = [[mutation($text: String!, $title: String!, $date: String!) { createSource(input: {source: {text: $text, title: $title, published: $date}}) { source { rowId } } }]],
  },
}

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

local function pick(list) return list[math.random(#list)] end

function init(args)
  server, op = args[1], args[2]
  dialect = server == "postgraphile" and "postgraphile" or "quotedb"
  ids = dofile(args[3])
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if dialect == "quotedb" and args[4] and args[4] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[4]
  end
end

local function vars()
  local y, m, d = math.random(2010, 2025), math.random(1, 12), math.random(1, 28)
  if op == "whosaidwhat" then
    local topic = pick(ids.roots)
    if dialect == "quotedb" then
      local month = string.format("%d-%02d", y, m)
      return string.format('{"topic":"%s","from":"%s","to":"%s"}', topic, month, month)
    end
    return string.format('{"topic":"%s","from":%d,"to":%d,"year":%d}', topic, y * 10000 + m * 100, y * 10000 + m * 100 + 99, y * 10000)
  elseif op == "speaker" then
    return string.format('{"id":"%s"}', pick(ids.speakers))
  elseif op == "statement" then
    return string.format('{"id":"%s"}', pick(ids.statements))
  end
  counter = counter + 1
  local tag = string.format("%d-%d-%d", math.random(1, 1e9), counter, os.time())
  local day = string.format("%d-%02d-%02d", y, m, d)
  if op == "create" then
    local text = "We will not allow the budget to pass without a debate in parliament, load " .. tag .. "."
    if dialect == "quotedb" then
      return string.format('{"speaker":"%s","text":%s,"said":"%s"}', pick(ids.speakers), json_string(text), day)
    end
    return string.format('{"speaker":"%s","text":%s,"said":"%s","key":%d,"day":"%s"}', pick(ids.speakers), json_string(text), day, y * 10000 + m * 100 + d, day)
  end
  -- ingest: a short news item with two attributed statements.
  local text = "Budget debate " .. tag .. "\n\nBAKU, " .. day .. ". Leyla Quliyeva, member of parliament, said: \"The budget must be debated before it is too late for the economy.\"\n\n" ..
    "\"We call on the authorities to publish the figures,\" said Murad Həsənov, chairman of the Civic Forum, on Tuesday. Reference " .. tag .. ".\n"
  return string.format('{"text":%s,"title":%s,"date":"%s"}', json_string(text), json_string("Budget debate " .. tag), day)
end

function request()
  wrk.body = '{"query":' .. json_string(queries[dialect][op]) .. ',"variables":' .. vars() .. '}'
  return wrk.format()
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    failures = failures + 1
    if failures <= 3 then io.stderr:write(server .. " " .. op .. ": " .. status .. " " .. body:sub(1, 300) .. "\n") end
  end
end
