-- Neovim 0.7 (Debian's) attaches `journal lsp` to a note of a journal, as a coach's
-- configuration would, types a change, asks for completion and hover, and writes one line per
-- thing it received to $LSP_OUT for the Swift test to check. Run headless:
--   nvim --headless -u NONE -c 'luafile attach.lua'
local binary = os.getenv("LSP_JOURNAL_BIN")
local root = os.getenv("LSP_JOURNAL_ROOT")
local note = os.getenv("LSP_NOTE")
local out = os.getenv("LSP_OUT")
local lines = {}
local last_version = -1

local function log(text) table.insert(lines, text) end

local function finish(status)
  log("end " .. status)
  vim.fn.writefile(lines, out)
  vim.cmd("qa!")
end

local ok, problem = pcall(function()
  local client_id = vim.lsp.start_client({
    name = "journal",
    cmd = { binary, "lsp", "--journal", root, "--today", "2026-03-20" },
    root_dir = root,
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        local name = vim.fn.fnamemodify(vim.uri_to_fname(result.uri), ":t")
        for _, d in ipairs(result.diagnostics) do
          log(string.format("diagnostic %s %s %d:%d", name, d.code, d.range.start.line, d.range.start.character))
        end
        log(string.format("published %s %d", name, result.version or -1))
        last_version = result.version or last_version
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  assert(client_id, "the client did not start")
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. note))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  assert(vim.wait(15000, function() return last_version >= 0 end, 20), "no diagnostics after opening")
  local opened = last_version

  -- The coach corrects the misspelt ref: `suplier` → `supplier`.
  local row = 11
  local text = vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1]
  local from = string.find(text, "suplier", 1, true)
  vim.api.nvim_buf_set_text(buffer, row, from - 1, row, from + 6, { "supplier" })
  assert(vim.wait(15000, function() return last_version > opened end, 20), "no diagnostics after the change")

  -- A new review line: which commitments can it name?
  vim.api.nvim_buf_set_lines(buffer, 12, 12, false, { "- [ ] [ref:: " })
  local uri = vim.uri_from_bufnr(buffer)
  local answers = vim.lsp.buf_request_sync(buffer, "textDocument/completion",
    { textDocument = { uri = uri }, position = { line = 12, character = 13 } }, 10000)
  for _, answer in pairs(answers or {}) do
    for _, item in ipairs((answer.result or {}).items or {}) do
      log("completion " .. item.label .. " | " .. (item.detail or ""))
    end
  end

  local hovers = vim.lsp.buf_request_sync(buffer, "textDocument/hover",
    { textDocument = { uri = uri }, position = { line = 10, character = 14 } }, 10000)
  for _, answer in pairs(hovers or {}) do
    local value = ((answer.result or {}).contents or {}).value or ""
    for _, line in ipairs(vim.split(value, "\n", true)) do log("hover " .. line) end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)
finish(ok and "ok" or ("failed: " .. tostring(problem)))
