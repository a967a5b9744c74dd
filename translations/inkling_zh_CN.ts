<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompletionService</name>
    <message>
        <source>No language model is loaded.</source>
        <translation>尚未加载语言模型。</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <source>Embedded</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Your directory</source>
        <translation>自定义目录</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Hugging Face 缓存</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>The embedded model is missing from this installation.</source>
        <translation>此安装中缺少内置模型。</translation>
    </message>
</context>
<context>
    <name>PrintableDocument</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>The window was never shown.</source>
        <translation>窗口始终未显示。</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to “%1”.</source>
        <translation>无法将截图写入“%1”。</translation>
    </message>
</context>
<context>
    <name>TextFile</name>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>“%1” 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>“%1” is not a regular file (it is a device, pipe or socket), so it was not opened.</source>
        <translation>“%1” 不是普通文件（而是设备、管道或套接字），因此未打开。</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is too large to edit (%2 MiB).</source>
        <translation>“%1”太大，无法编辑（%2 MiB）。</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>“%1” looks like a binary file (it contains NUL characters), so it was not opened.</source>
        <translation>“%1”似乎是二进制文件（包含 NUL 字符），因此未打开。</translation>
    </message>
    <message>
        <source>“%1” is not a UTF-8 text file. Inkling opens UTF-8, and UTF-16 with a byte-order mark; convert other encodings first.</source>
        <translation>“%1”不是 UTF-8 文本文件。Inkling 可打开 UTF-8 以及带字节顺序标记的 UTF-16 文件；其他编码请先转换。</translation>
    </message>
    <message>
        <source>“%1” starts with a UTF-16 byte-order mark but is not valid UTF-16 text, so it was not opened.</source>
        <translation>“%1”以 UTF-16 字节顺序标记开头，但不是有效的 UTF-16 文本，因此未打开。</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>System Default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>inkling::Autosave</name>
    <message>
        <source>Cannot write the recovery copy in “%1”.</source>
        <translation>无法在“%1”中写入恢复副本。</translation>
    </message>
    <message>
        <source>Cannot write the recovery copy “%1”: %2</source>
        <translation>无法写入恢复副本“%1”：%2</translation>
    </message>
</context>
<context>
    <name>inkling::CrashRecovery</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>an untitled document</source>
        <translation>未命名文档</translation>
    </message>
    <message>
        <source>“%1” was changed on disk %2 after its copy was saved; saving the recovered text will ask before replacing it.</source>
        <translation>“%1” 在其副本保存 %2 后于磁盘上被修改；保存恢复的文本时，会先询问是否替换它。</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message numerus="yes">
        <source>Inkling was not closed properly. Unsaved changes to %n document(s) can be recovered: %1.</source>
        <translation>
            <numerusform>Inkling 上次未正常关闭。可以恢复 %n 个文档中未保存的更改：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Ask &amp;Later</source>
        <translation>稍后询问(&amp;L)</translation>
    </message>
    <message>
        <source>The recovered text of %1 is open, but no new recovery copy of it could be written, so the old one was kept. Save the document to be safe.</source>
        <translation>%1 的恢复文本已打开，但无法写入新的恢复副本，因此保留了旧副本。请保存该文档以确保安全。</translation>
    </message>
</context>
<context>
    <name>inkling::Document</name>
    <message>
        <source>Cannot save the document&apos;s notes: %1</source>
        <translation>无法保存文档笔记：%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot Reload File</source>
        <translation>无法重新加载文件</translation>
    </message>
    <message>
        <source>Reloaded “%1”</source>
        <translation>已重新加载“%1”</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>“%1” was deleted or renamed by another program. Your text is still here; save it to keep it.</source>
        <translation>“%1”已被其他程序删除或重命名。你的文本仍在此处，请保存以免丢失。</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it and lose your unsaved changes?</source>
        <translation>“%1”已被其他程序更改。是否重新加载并放弃未保存的更改？</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it?</source>
        <translation>“%1”已被其他程序更改。是否重新加载？</translation>
    </message>
</context>
<context>
    <name>inkling::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>With a regular expression, \1 or $1 inserts the first captured group, \0 the whole match, \n a line break</source>
        <translation>使用正则表达式时，\1 或 $1 插入第一个捕获组，\0 插入整个匹配，\n 插入换行</translation>
    </message>
    <message>
        <source>Perl-compatible; a match lies within one line</source>
        <translation>与 Perl 兼容；匹配不跨行</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>无效的正则表达式</translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation>已从顶部继续查找</translation>
    </message>
    <message>
        <source>Search wrapped to the bottom</source>
        <translation>已从底部继续查找</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation>无效的正则表达式：%1（第 %2 个字符）</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkling::HighlightingMenu</name>
    <message>
        <source>&amp;Highlighting</source>
        <translation>语法高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>纯文本</translation>
    </message>
</context>
<context>
    <name>inkling::KeyboardHelp</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Accept the whole suggestion (without one: indent)</source>
        <translation>接受整条建议（无建议时：缩进）</translation>
    </message>
    <message>
        <source>Accept the next word (without one: move by word)</source>
        <translation>接受下一个词（无建议时：按词移动光标）</translation>
    </message>
    <message>
        <source>Accept the next line or sentence</source>
        <translation>接受下一行或下一句</translation>
    </message>
    <message>
        <source>Dismiss the suggestion</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <source>Show the next alternative (up to three)</source>
        <translation>显示下一个备选（最多三个）</translation>
    </message>
    <message>
        <source>Show the previous alternative</source>
        <translation>显示上一个备选</translation>
    </message>
    <message>
        <source>Suggest now</source>
        <translation>立即建议</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Typing the suggested characters keeps the rest of the suggestion; any other key or cursor move removes it. Keys can be changed in Settings.</source>
        <translation>输入与建议相同的字符时，建议的其余部分会保留；按其他任何键或移动光标都会将其清除。按键可在“设置”中更改。</translation>
    </message>
</context>
<context>
    <name>inkling::MainWindow</name>
    <message>
        <source>Check S&amp;pelling</source>
        <translation>检查拼写(&amp;P)</translation>
    </message>
    <message>
        <source>Underline misspelt words in prose, comments and strings</source>
        <translation>为正文、注释和字符串中拼错的单词加下划线</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the document with its highlighting</source>
        <translation>打印文档及其语法高亮</translation>
    </message>
    <message>
        <source>E&amp;xport as PDF…</source>
        <translation>导出为 PDF(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file with its highlighting</source>
        <translation>将文档及其语法高亮保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation>打印“%1”</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot Export as PDF</source>
        <translation>无法导出为 PDF</translation>
    </message>
    <message>
        <source>Exported “%1”</source>
        <translation>已导出“%1”</translation>
    </message>
    <message>
        <source>Document &amp;Notes</source>
        <translation>文档笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Go to &amp;Line…</source>
        <translation>转到行(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Search the document and replace matches</source>
        <translation>在文档中查找并替换匹配项</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 个词</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 个词</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 个字符</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 / %2 个词</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 / %2 个字符</translation>
    </message>
    <message>
        <source>“%1” was changed by another program after you opened it (last changed %2). Saving replaces that version with your text.</source>
        <translation>“%1” 在您打开后被其他程序修改（最后修改于 %2）。保存将用您的文本替换该版本。</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty document</source>
        <translation>新建一个空白文档</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an existing file</source>
        <translation>打开现有文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the document under a new name</source>
        <translation>以新名称保存文档</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Inkling</source>
        <translation>退出 Inkling</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Inkling</source>
        <translation>关于 Inkling(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Opened “%1”</source>
        <translation>已打开“%1”</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Untitled.md</source>
        <translation>未命名.md</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Cannot Save File</source>
        <translation>无法保存文件</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>已保存“%1”</translation>
    </message>
    <message>
        <source>About Inkling</source>
        <translation>关于 Inkling</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inkling %1&lt;/h3&gt;&lt;p&gt;A text editor that suggests how your sentence goes on, using a GPT-2 language model that runs entirely on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Inkling %1&lt;/h3&gt;&lt;p&gt;一款文本编辑器：借助完全在本机运行的 GPT-2 语言模型，为你建议句子接下来怎么写。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The document “%1” has unsaved changes.
Do you want to save them?</source>
        <translation>文档“%1”有未保存的更改。
是否保存？</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation>建议(&amp;U)</translation>
    </message>
    <message>
        <source>Suggest &amp;Now</source>
        <translation>立即建议(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
        <source>Accept Next &amp;Word</source>
        <translation>接受下一个词(&amp;W)</translation>
    </message>
    <message>
        <source>Accept Next &amp;Line</source>
        <translation>接受下一行(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略建议(&amp;D)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Alternative</source>
        <translation>下一个备选(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Previous Alternative</source>
        <translation>上一个备选(&amp;P)</translation>
    </message>
    <message>
        <source>Suggest While &amp;Typing</source>
        <translation>输入时给出建议(&amp;T)</translation>
    </message>
    <message>
        <source>Suggest While Typing in This &amp;Document</source>
        <translation>在此文档中输入时给出建议(&amp;D)</translation>
    </message>
    <message>
        <source>Suggest While Typing in %1 Files</source>
        <translation>在 %1 文件中输入时给出建议</translation>
    </message>
    <message>
        <source>%1 Mode</source>
        <translation>%1模式</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>未能生成建议：%1</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>How far suggestions reach</source>
        <translation>建议的补全范围</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Encoding and line ends of the file; saving keeps them</source>
        <translation>文件的编码和换行符；保存时保持不变</translation>
    </message>
    <message>
        <source>“%1” is open in another tab. Close that tab first.</source>
        <translation>“%1”已在另一个标签页中打开。请先关闭该标签页。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>关闭文档</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <source>The encoding and line ends the document is saved with</source>
        <translation>保存文档时使用的编码和换行符</translation>
    </message>
    <message>
        <source>Line Ends: %1</source>
        <translation>换行符：%1</translation>
    </message>
    <message>
        <source>Server: %1 The built-in model answers.</source>
        <translation>服务器：%1 由内置模型回答。</translation>
    </message>
    <message>
        <source>Cannot store the server&apos;s API key in %1.</source>
        <translation>无法将服务器的 API 密钥保存到 %1。</translation>
    </message>
</context>
<context>
    <name>inkling::ModelDownload</name>
    <message>
        <source>%1 is already installed in %2.</source>
        <translation>%1 已安装在 %2 中。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3 for %4.</source>
        <translation>%1 对 %4 返回了 HTTP %2 %3。</translation>
    </message>
    <message>
        <source>The download from %1 failed: %2</source>
        <translation>从 %1 下载失败：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 redirected without a location.</source>
        <translation>%1 返回了重定向，但未提供目标地址。</translation>
    </message>
    <message>
        <source>%1 redirected too often.</source>
        <translation>%1 重定向次数过多。</translation>
    </message>
    <message>
        <source>%1 did not report a SHA-256 checksum for %2, so the download cannot be verified.</source>
        <translation>%1 未提供 %2 的 SHA-256 校验和，因此无法验证下载。</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more, but only %3 are free in %4.</source>
        <translation>磁盘空间不足，无法存放 %1：还需要 %2，但 %4 中只有 %3 可用。</translation>
    </message>
    <message>
        <source>%1 resumed the download at the wrong place (%2); start it again.</source>
        <translation>%1 从错误的位置继续下载（%2）；请重新开始下载。</translation>
    </message>
    <message>
        <source>The download of %1 ended after %2 of %3.</source>
        <translation>%1 的下载在完成 %2（共 %3）后中断。</translation>
    </message>
    <message>
        <source>Cannot read %1 to verify it: %2</source>
        <translation>无法读取 %1 以进行验证：%2</translation>
    </message>
    <message>
        <source>%1 of %2 failed its SHA-256 check (expected %3, got %4); the damaged file was deleted. Try the download again.</source>
        <translation>%2 的 %1 未通过 SHA-256 校验（预期 %3，实际 %4）；已删除损坏的文件。请重新下载。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>无法将 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>The downloaded files are not a usable GPT-2 model: %1</source>
        <translation>下载的文件不是可用的 GPT-2 模型：%1</translation>
    </message>
    <message>
        <source>Cannot move the download into place at %1.</source>
        <translation>无法将下载的文件移动到 %1。</translation>
    </message>
</context>
<context>
    <name>inkling::ModelLoader</name>
    <message>
        <source>%1
%2 M parameters, %3 layers × %4, context %5 tokens, %6 weights, %7</source>
        <translation>%1
%2 百万参数，%3 层 × %4，上下文 %5 个词元，%6 权重，%7</translation>
    </message>
    <message>
        <source>The language model could not be loaded: %1</source>
        <translation>无法加载语言模型：%1</translation>
    </message>
    <message>
        <source>%1 drafts for it (speculative decoding)</source>
        <translation>由 %1 起草（推测解码）</translation>
    </message>
    <message>
        <source>No model directory is set and the embedded model is missing.</source>
        <translation>未设置模型目录，且内置模型缺失。</translation>
    </message>
</context>
<context>
    <name>inkling::ModelManagerDialog</name>
    <message>
        <source>Looking for models…</source>
        <translation>正在查找模型…</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 十亿</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 百万</translation>
    </message>
    <message>
        <source>&amp;Use This Model</source>
        <translation>使用此模型(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Remove From List</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>File Size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>&amp;Add Directory…</source>
        <translation>添加目录(&amp;A)…</translation>
    </message>
    <message>
        <source>Download from Hugging Face</source>
        <translation>从 Hugging Face 下载</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 parameters)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2参数）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Verifying the SHA-256 checksum…</source>
        <translation>正在验证 SHA-256 校验和…</translation>
    </message>
    <message>
        <source>Cancelled. What was downloaded is kept for resuming.</source>
        <translation>已取消。已下载的部分会保留，以便继续下载。</translation>
    </message>
    <message>
        <source>Installed in %1</source>
        <translation>已安装到 %1</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Resume (%1 so far)</source>
        <translation>继续（已下载 %1）</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（使用中）</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>正在使用</translation>
    </message>
    <message>
        <source>%1 parameters (%2 layers × %3), context length %4 tokens</source>
        <translation>%1 个参数（%2 层 × %3），上下文长度 %4 个词元</translation>
    </message>
    <message>
        <source>File size %1, precision %2</source>
        <translation>文件大小 %1，精度 %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <source>Choose a GPT-2 model directory</source>
        <translation>选择 GPT-2 模型目录</translation>
    </message>
    <message>
        <source>Stop Downloads?</source>
        <translation>停止下载？</translation>
    </message>
    <message>
        <source>Closing this window stops the running downloads. What has arrived is kept, and the download resumes when you start it again.</source>
        <translation>关闭此窗口会停止正在进行的下载。已下载的部分会保留，再次开始时将从中断处继续。</translation>
    </message>
</context>
<context>
    <name>inkling::SettingsDialog</name>
    <message>
        <source>Spelling</source>
        <translation>拼写</translation>
    </message>
    <message>
        <source>Check spelling while typing</source>
        <translation>输入时检查拼写</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Automatic: the language each document is written in, as far as it can be told from its text.</source>
        <translation>自动：每个文档所用的语言，以能从其文本判断的为准。</translation>
    </message>
    <message>
        <source>Dictionary:</source>
        <translation>词典：</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed, so nothing is checked. Install Hunspell dictionaries, such as hunspell-en-us.</source>
        <translation>未安装拼写词典，因此不会检查任何内容。请安装 Hunspell 词典，例如 hunspell-en-us。</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Writing font:</source>
        <translation>写作字体：</translation>
    </message>
    <message>
        <source>Code font:</source>
        <translation>代码字体：</translation>
    </message>
    <message>
        <source>Prose (Markdown, plain text) is set in the writing font, source code in the code font.</source>
        <translation>文章（Markdown、纯文本）使用写作字体，源代码使用代码字体。</translation>
    </message>
    <message>
        <source>Limit the line width of prose, centred</source>
        <translation>限制文章的行宽并居中</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source>About 60 to 90 characters make lines that are easy to read</source>
        <translation>每行约 60 到 90 个字符最易阅读</translation>
    </message>
    <message>
        <source>Line width:</source>
        <translation>行宽：</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Suggest while typing</source>
        <translation>输入时给出建议</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>How long typing must pause before a suggestion is requested. Fast typists get a little more.</source>
        <translation>输入停顿多久后才请求建议。打字快的人会多得到一点时间。</translation>
    </message>
    <message>
        <source>Pause before suggesting:</source>
        <translation>建议前的停顿：</translation>
    </message>
    <message>
        <source>Time limit per suggestion:</source>
        <translation>每条建议的时间上限：</translation>
    </message>
    <message>
        <source>Maximum tokens, word mode:</source>
        <translation>最大词元数（单词模式）：</translation>
    </message>
    <message>
        <source>Maximum tokens, sentence mode:</source>
        <translation>最大词元数（句子模式）：</translation>
    </message>
    <message>
        <source>Maximum tokens, paragraph mode:</source>
        <translation>最大词元数（段落模式）：</translation>
    </message>
    <message>
        <source>Maximum tokens, code mode:</source>
        <translation>最大词元数（代码模式）：</translation>
    </message>
    <message>
        <source>Always take the most likely token (greedy)</source>
        <translation>总是选择概率最高的词元（贪心）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>重复惩罚：</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The embedded inkling-tiny model</source>
        <translation>内置的 inkling-tiny 模型</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a GPT-2 model directory</source>
        <translation>选择 GPT-2 模型目录</translation>
    </message>
    <message>
        <source>Engine threads:</source>
        <translation>引擎线程数：</translation>
    </message>
    <message>
        <source>Model directory:</source>
        <translation>模型目录：</translation>
    </message>
    <message>
        <source>Accept the whole suggestion:</source>
        <translation>接受整条建议：</translation>
    </message>
    <message>
        <source>Accept the next word:</source>
        <translation>接受下一个词：</translation>
    </message>
    <message>
        <source>Accept the next line or sentence:</source>
        <translation>接受下一行或下一句：</translation>
    </message>
    <message>
        <source>Dismiss the suggestion:</source>
        <translation>忽略建议：</translation>
    </message>
    <message>
        <source>Next alternative:</source>
        <translation>下一个备选：</translation>
    </message>
    <message>
        <source>Previous alternative:</source>
        <translation>上一个备选：</translation>
    </message>
    <message>
        <source>Suggest now:</source>
        <translation>立即建议：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>User interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Inkling.</source>
        <translation>新语言将在下次启动 Inkling 时生效。</translation>
    </message>
    <message>
        <source>After every keystroke</source>
        <translation>每次按键之后</translation>
    </message>
    <message>
        <source>Once a word is started</source>
        <translation>开始输入一个词之后</translation>
    </message>
    <message>
        <source>Whether to suggest right after a space or punctuation mark, or only after the first letter of a word</source>
        <translation>是在空格或标点之后立即给出建议，还是只在输入一个词的第一个字母之后</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>show every suggestion</source>
        <translation>显示所有建议</translation>
    </message>
    <message>
        <source>Suggestions whose first word the model finds less likely than this are not shown: fewer suggestions, fewer wrong ones</source>
        <translation>模型认为第一个词的可能性低于此值的建议不会显示：建议更少，错误也更少</translation>
    </message>
    <message>
        <source>Draw less likely suggestions fainter</source>
        <translation>可能性较低的建议显示得更淡</translation>
    </message>
    <message>
        <source>Prepare the next suggestion while one is shown</source>
        <translation>显示建议时预先准备下一条建议</translation>
    </message>
    <message>
        <source>Quiet in these file types:</source>
        <translation>在这些文件类型中保持安静：</translation>
    </message>
    <message>
        <source>Typing in a file of a checked type asks for no suggestions; Ctrl+Space still does</source>
        <translation>在勾选类型的文件中输入时不请求建议；Ctrl+Space 仍然可以</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Filter file types</source>
        <translation>筛选文件类型</translation>
    </message>
    <message>
        <source>While a suggestion is shown and the model is idle, compute what would follow it, so that accepting it shows the next one at once</source>
        <translation>显示建议且模型空闲时，预先计算其后的内容，接受后即可立即显示下一条建议</translation>
    </message>
    <message>
        <source>Suggest:</source>
        <translation>建议时机：</translation>
    </message>
    <message>
        <source>Minimum confidence:</source>
        <translation>最低置信度：</translation>
    </message>
    <message>
        <source>Automatic (fastest available)</source>
        <translation>自动（可用的最快格式）</translation>
    </message>
    <message>
        <source>f32 (reference)</source>
        <translation>f32（参考）</translation>
    </message>
    <message>
        <source>bf16 (half the memory)</source>
        <translation>bf16（一半内存）</translation>
    </message>
    <message>
        <source>s8 (a quarter of the memory)</source>
        <translation>s8（四分之一内存）</translation>
    </message>
    <message>
        <source>How the model&apos;s weights are held. A format this processor has no fast kernel for falls back to the next one; the status bar shows the one in use.</source>
        <translation>模型权重的存储格式。若此处理器没有该格式的快速内核，则改用下一种；状态栏显示实际使用的格式。</translation>
    </message>
    <message>
        <source>Weight precision:</source>
        <translation>权重精度：</translation>
    </message>
    <message>
        <source>Let the built-in model draft for a larger one</source>
        <translation>让内置模型为更大的模型起草</translation>
    </message>
    <message>
        <source>Speculative decoding: the small built-in model guesses a few words ahead and the larger model checks them all at once. The suggestions stay exactly the same, only sooner. Used only where it pays: for a model at f32 weights at least four times the built-in one&apos;s size.</source>
        <translation>推测解码：小型内置模型先猜出后面几个词，较大的模型一次性检验全部。建议完全相同，只是更快出现。仅在值得时使用：模型权重为 f32，且至少是内置模型的四倍大。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Ask a server for suggestions</source>
        <translation>向服务器请求建议</translation>
    </message>
    <message>
        <source>An OpenAI-compatible completions server (llama-server, vLLM, Ollama); /v1/completions is added.</source>
        <translation>兼容 OpenAI 的补全服务器（llama-server、vLLM、Ollama）；会自动加上 /v1/completions。</translation>
    </message>
    <message>
        <source>The server&apos;s only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Kept in a file only you can read, never in the settings.</source>
        <translation>保存在只有您能读取的文件中，绝不写入设置。</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>模型名称：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>The text before the cursor and your notes are sent to this server while you write. The built-in model answers when the server cannot.</source>
        <translation>写作时，光标前的文本和您的笔记会发送到此服务器。服务器无法回答时，由内置模型回答。</translation>
    </message>
</context>
<context>
    <name>inkling::SuggestionStatus</name>
    <message>
        <source>Word</source>
        <translation>单词</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>自由</translation>
    </message>
    <message>
        <source>Generating a suggestion</source>
        <translation>正在生成建议</translation>
    </message>
    <message>
        <source>Time from your last keystroke to the first suggested character</source>
        <translation>从最后一次按键到出现第一个建议字符的时间</translation>
    </message>
    <message>
        <source>Generation speed of the last suggestion</source>
        <translation>上一条建议的生成速度</translation>
    </message>
    <message>
        <source>This session: suggestions shown %1, characters accepted %2 (%3 per suggestion shown)</source>
        <translation>本次会话：显示建议 %1 条，接受字符 %2 个（每条显示的建议 %3 个）</translation>
    </message>
    <message>
        <source>Kept 20 keystrokes later: %1 % of the accepted characters</source>
        <translation>20 次按键后仍保留：已接受字符的 %1 %</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>No model: suggestions off</source>
        <translation>无模型：建议已关闭</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>正在加载模型… %1%</translation>
    </message>
    <message>
        <source>Saved %1 keys (%2 in all)</source>
        <translation>已节省 %1 次按键（累计 %2 次）</translation>
    </message>
    <message>
        <source>Keystrokes that accepted suggestions saved you: the characters they inserted minus the keys pressed to accept them, in this session and since you started using Inkling</source>
        <translation>接受建议为您节省的按键：插入的字符数减去接受建议所按的键数，分别统计本次会话和自开始使用 Inkling 以来</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>The built-in model answered: the server could not.</source>
        <translation>由内置模型回答：服务器无法回答。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Suggestions come from the server at %1.</source>
        <translation>建议来自位于 %1 的服务器。</translation>
    </message>
</context>
<context>
    <name>inkling::ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Follow the Desktop (Light or Dark)</source>
        <translation>跟随桌面（浅色或深色）(&amp;F)</translation>
    </message>
</context>
<context>
    <name>inkling::WritingCommands</name>
    <message>
        <source>&amp;Continue Paragraph</source>
        <translation>续写段落(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Summarize Selection</source>
        <translation>总结所选内容(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ask About Selection…</source>
        <translation>就所选内容提问(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Go to Writing Panel</source>
        <translation>转到写作面板(&amp;G)</translation>
    </message>
    <message>
        <source>Continue the text before the cursor to the end of its paragraph</source>
        <translation>将光标前的文本续写到所在段落末尾</translation>
    </message>
    <message>
        <source>Summarize the selected text (the GPT-2 paper&apos;s &quot;TL;DR:&quot; prompt)</source>
        <translation>总结所选文本（使用 GPT-2 论文中的“TL;DR:”提示词）</translation>
    </message>
    <message>
        <source>Answer a question about the selected text</source>
        <translation>回答关于所选文本的问题</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the writing panel (Esc returns)</source>
        <translation>将键盘焦点移到写作面板（按 Esc 返回）</translation>
    </message>
    <message>
        <source>Writing &amp;Panel</source>
        <translation>写作面板(&amp;P)</translation>
    </message>
    <message>
        <source>Continue Paragraph</source>
        <translation>续写段落</translation>
    </message>
    <message>
        <source>Summarize Selection</source>
        <translation>总结所选内容</translation>
    </message>
    <message>
        <source>Ask About Selection</source>
        <translation>就所选内容提问</translation>
    </message>
    <message>
        <source>Q: %1</source>
        <translation>Q: %1</translation>
    </message>
    <message>
        <source>Question about the selected text:</source>
        <translation>关于所选文本的问题：</translation>
    </message>
</context>
<context>
    <name>inkling::WritingPanel</name>
    <message>
        <source>Writing Commands</source>
        <translation>写作命令</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>复制(&amp;Y)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Choose a command from the Tools menu.</source>
        <translation>请从“工具”菜单中选择一个命令。</translation>
    </message>
    <message>
        <source>Insert the text into the document (one undo step)</source>
        <translation>将文本插入文档（可一步撤销）</translation>
    </message>
    <message>
        <source>Copy the text to the clipboard</source>
        <translation>将文本复制到剪贴板</translation>
    </message>
    <message>
        <source>Stop generating (Esc)</source>
        <translation>停止生成（Esc）</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>The model had nothing to add.</source>
        <translation>模型没有可补充的内容。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Write the text of the document as UTF-8 to &lt;file&gt; once the window is shown, and quit.</source>
        <translation>窗口显示后，将文档文本以 UTF-8 写入 &lt;file&gt; 并退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>没有建议：%1</translation>
    </message>
    <message>
        <source>the model suggested nothing.</source>
        <translation>模型没有给出任何建议。</translation>
    </message>
    <message>
        <source>withheld at a confidence of %1 %.</source>
        <translation>置信度为 %1 %，未显示。</translation>
    </message>
    <message>
        <source>No suggestion arrived in time.</source>
        <translation>未能及时收到建议。</translation>
    </message>
    <message>
        <source>A text editor with local GPT-2 writing suggestions.</source>
        <translation>带有本地 GPT-2 写作建议的文本编辑器。</translation>
    </message>
    <message>
        <source>Save an image of the window as PNG to &lt;png&gt; and quit.</source>
        <translation>将窗口图像以 PNG 格式保存到 &lt;png&gt; 并退出。</translation>
    </message>
    <message>
        <source>png</source>
        <translation>png</translation>
    </message>
    <message>
        <source>Ask for a suggestion at the end of the document as soon as the model is loaded (with --screenshot: capture it once it has finished).</source>
        <translation>模型加载完成后，立即在文档末尾请求建议（与 --screenshot 同用时：待建议生成完毕后再截图）。</translation>
    </message>
    <message>
        <source>The files to open, each in a tab.</source>
        <translation>要打开的文件，每个文件在一个标签页中打开。</translation>
    </message>
</context>
<context>
    <name>inkling::GoToLine</name>
    <message>
        <source>Go to Line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Line (1–%1), optionally followed by :column:</source>
        <translation>行号（1–%1），可在后面加上 :列号：</translation>
    </message>
</context>
<context>
    <name>inkling::NotesPanel</name>
    <message>
        <source>Document Notes</source>
        <translation>文档笔记</translation>
    </message>
    <message>
        <source>Names, terms and style for this document. Suggestions read them before its text; they are not part of the file.</source>
        <translation>此文档的人名、术语和风格。建议会先读取这些笔记再读取正文；笔记不属于文件内容。</translation>
    </message>
    <message>
        <source>e.g. Characters: Zebulon Quackenbush, an old sailor</source>
        <translation>例如：人物：Zebulon Quackenbush，一位老水手</translation>
    </message>
</context>
<context>
    <name>inkling::Editor</name>
    <message>
        <source>Spell checking is off: there is no dictionary for %1.</source>
        <translation>拼写检查已关闭：没有 %1 的词典。</translation>
    </message>
    <message>
        <source>Spell checking is off: no dictionary is installed.</source>
        <translation>拼写检查已关闭：未安装任何词典。</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>无建议</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>添加到词典</translation>
    </message>
</context>
<context>
    <name>ServerCompletionSource</name>
    <message>
        <source>The server sent an answer Inkling cannot read.</source>
        <translation>服务器发送了 Inkling 无法读取的回答。</translation>
    </message>
    <message>
        <source>The server reported an error: %1</source>
        <translation>服务器报告了错误：%1</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>服务器返回了错误 %1。</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer broke off.</source>
        <translation>服务器的回答中途中断了。</translation>
    </message>
    <message>
        <source>No server is set up.</source>
        <translation>尚未设置服务器。</translation>
    </message>
</context>
</TS>
