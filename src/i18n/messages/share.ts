import type { MessageArea } from '../types';

export const shareMessages: MessageArea = {
  en: {
    'share.error.empty': 'The link has no model in it (nothing after "#"). Ask for the whole link again.',
    'share.error.too-long':
      'The link is {length} characters long; the maximum is {max}. Ask for the model as a file instead.',
    'share.error.bad-character':
      'The link is corrupted: character {position} ("{character}") cannot appear in a ScopeFlow link. Copy the whole link again.',
    'share.error.truncated':
      'The link is incomplete: it ends early, probably cut off by a chat app or mail program. Copy the whole link again, or ask for the model as a file.',
    'share.error.corrupted':
      'The link is corrupted or was changed: its check code does not match its content. Copy the whole link again, or ask for the model as a file.',
    'share.error.too-large':
      'The model in the link is larger than {max} bytes when unpacked, so it was not opened. Ask for the model as a file.',
    'share.error.newer-version':
      'This model was made by a newer version of ScopeFlow (format {version}; this version reads up to format {supported}). Reload the page to update ScopeFlow, then open it again.',
    'share.error.invalid-document':
      'The model in the link or file is invalid, so it was not opened.',
    'share.error.not-json':
      'The file "{file}" is not valid JSON: the first syntax error is at line {line}, column {column}. Choose a file saved by ScopeFlow.',
    'share.error.document-json':
      'The link contains a ScopeFlow document as plain JSON, not a share link. Save that JSON as a .json file and open it with File ▸ Open JSON file…, or make a link with Share.',
    'share.error.json-not-a-model':
      'The link contains JSON that is not a ScopeFlow model. Copy the whole link again, or ask for the model as a file.',
    'share.error.not-a-model':
      'The file "{file}" is not a ScopeFlow model: it has no "version" and "nodes". Choose a file saved by ScopeFlow, or import a Keras or TensorFlow.js model.json.',
    'share.error.unsupported-topology': 'The model.json could not be imported.',
    'share.error.file-too-large': 'The file "{file}" is {size} bytes; the maximum is {max}. Choose a smaller file.',

    'share.invalid.value': 'The value at {path} is missing, of the wrong type or out of range (found {value}).',
    'share.invalid.duplicateId': 'The id "{id}" is used twice.',
    'share.invalid.missingParent': 'Node "{node}" is inside scope "{parent}", which does not exist.',
    'share.invalid.parentNotScope': 'Node "{node}" is inside "{parent}", which is a layer, not a scope.',
    'share.invalid.parentCycle': 'Scope nesting around "{node}" loops back on itself.',
    'share.invalid.missingEndpoint': 'Edge "{edge}" connects to node "{node}", which does not exist.',
    'share.invalid.endpointNotLayer': 'Edge "{edge}" connects to scope "{node}"; edges connect layers only.',

    'share.keras.notTopology':
      'It has no Keras model topology ("modelTopology" or "config" with "layers").',
    'share.keras.unsupportedClass':
      'Layer "{layer}" has class {className}, which ScopeFlow cannot import yet. Remove it or replace it with a supported layer.',
    'share.keras.badName': 'Layer name "{layer}" is not a valid TensorFlow name.',
    'share.keras.missingInbound': 'Layer "{layer}" takes its input from "{inbound}", which is not in the model.',
    'share.keras.tooManyLayers': 'The model has {count} layers; the maximum is {max}.',
    'share.keras.unsupportedValue':
      'Layer "{layer}" sets {param} to {value}, which ScopeFlow cannot import. Change it in Keras or remove the layer.',

    'share.button': 'Share',
    'share.dialog.title': 'Share this model',
    'share.dialog.linkLabel': 'Link to this model',
    'share.dialog.copy': 'Copy link',
    'share.dialog.copied': 'Link copied.',
    'share.dialog.copyFailed': 'The browser did not allow copying. Select the link and copy it by hand.',
    'share.dialog.length': '{length} characters',
    'share.dialog.tooLong':
      'This link is {length} characters long. Chat apps and mail programs often cut links over {max} characters, so send the model as a file instead.',
    'share.dialog.download': 'Download as file',
    'share.dialog.close': 'Close',
    'share.dialog.invalid': 'This model cannot be shared yet.',

    'share.files.menu': 'File',
    'share.files.newFromTemplate': 'New from a template',
    'share.files.template.default': 'MNIST classifier (default)',
    'share.files.template.vgg16': 'VGG-16 (TF-Slim vgg_16, analysis only)',
    'share.files.template.vgg19': 'VGG-19 (TF-Slim vgg_19, analysis only)',
    'share.files.save': 'Save as JSON file',
    'share.files.open': 'Open JSON file…',
    'share.files.importKeras': 'Import Keras / TensorFlow.js model.json…',
    'share.files.exportTfjs': 'Export trained model (TensorFlow.js)',
    'share.files.exportNotTrained': 'Train the model first; then its weights can be exported.',
    'share.files.exportFailed': 'Exporting the trained model failed: {reason}',
    'share.files.opened': 'Opened "{title}" as a new document.',
    'share.files.failed': 'The file could not be opened. Your current work is unchanged.',

    'share.docs.menu': 'Documents',
    'share.docs.title': 'Saved documents',
    'share.docs.empty': 'No saved documents yet.',
    'share.docs.open': 'Open',
    'share.docs.rename': 'Rename',
    'share.docs.delete': 'Delete',
    'share.docs.current': '(open now)',
    'share.docs.renamePrompt': 'New name for "{title}"',
    'share.docs.confirmDelete': 'Delete "{title}"? This cannot be undone.',
    'share.docs.updated': 'Saved {time}',
    'share.docs.storageFailed': 'Saving to this browser failed ({reason}). Save the model as a file to keep it.',

    'share.link.opened': 'Opened the shared model "{title}" as a new document. Your other documents are in Documents.',
    'share.link.failed': 'The shared link could not be opened. Your current work is unchanged.',
    'share.notice.dismiss': 'Dismiss',
    'share.title.default': 'MNIST classifier',
  },
  ko: {
    'share.error.empty': '링크에 모델이 없습니다("#" 뒤가 비어 있음). 전체 링크를 다시 받으세요.',
    'share.error.too-long':
      '링크 길이가 {length}자로 최대 {max}자를 넘습니다. 모델을 파일로 받으세요.',
    'share.error.bad-character':
      '링크가 손상되었습니다. {position}번째 문자("{character}")는 ScopeFlow 링크에 나올 수 없습니다. 전체 링크를 다시 복사하세요.',
    'share.error.truncated':
      '링크가 중간에 끊겼습니다. 채팅 앱이나 메일 프로그램이 잘랐을 수 있습니다. 전체 링크를 다시 복사하거나 모델을 파일로 받으세요.',
    'share.error.corrupted':
      '링크가 손상되었거나 변경되었습니다. 검사 코드가 내용과 맞지 않습니다. 전체 링크를 다시 복사하거나 모델을 파일로 받으세요.',
    'share.error.too-large':
      '링크의 모델을 풀면 {max}바이트를 넘으므로 열지 않았습니다. 모델을 파일로 받으세요.',
    'share.error.newer-version':
      '이 모델은 더 새로운 버전의 ScopeFlow에서 만들어졌습니다(형식 {version}, 이 버전은 형식 {supported}까지 읽음). 페이지를 새로 고쳐 ScopeFlow를 업데이트한 뒤 다시 여세요.',
    'share.error.invalid-document': '링크나 파일의 모델이 올바르지 않아 열지 않았습니다.',
    'share.error.not-json':
      '파일 "{file}"의 JSON 형식이 올바르지 않습니다. 첫 문법 오류는 {line}번째 줄 {column}번째 칸에 있습니다. ScopeFlow에서 저장한 파일을 고르세요.',
    'share.error.document-json':
      '링크에 공유 링크가 아니라 ScopeFlow 문서 JSON이 그대로 들어 있습니다. 그 JSON을 .json 파일로 저장해 파일 ▸ JSON 파일 열기…로 열거나, 공유로 링크를 만드세요.',
    'share.error.json-not-a-model':
      '링크에 든 JSON이 ScopeFlow 모델이 아닙니다. 전체 링크를 다시 복사하거나 모델을 파일로 받으세요.',
    'share.error.not-a-model':
      '"{file}" 파일은 ScopeFlow 모델이 아닙니다. "version"과 "nodes"가 없습니다. ScopeFlow에서 저장한 파일을 고르거나 Keras 또는 TensorFlow.js model.json을 가져오세요.',
    'share.error.unsupported-topology': 'model.json을 가져올 수 없습니다.',
    'share.error.file-too-large': '파일 "{file}"의 크기가 {size}바이트로 최대 {max}바이트를 넘습니다. 더 작은 파일을 고르세요.',

    'share.invalid.value': '{path} 값이 없거나, 형식이 틀리거나, 범위를 벗어났습니다(찾은 값: {value}).',
    'share.invalid.duplicateId': 'id "{id}"가 두 번 쓰였습니다.',
    'share.invalid.missingParent': '노드 "{node}"가 들어 있는 스코프 "{parent}"가 없습니다.',
    'share.invalid.parentNotScope': '노드 "{node}"가 들어 있는 "{parent}"는 스코프가 아니라 레이어입니다.',
    'share.invalid.parentCycle': '"{node}" 주변의 스코프 중첩이 자기 자신으로 되돌아옵니다.',
    'share.invalid.missingEndpoint': '엣지 "{edge}"가 연결된 노드 "{node}"가 없습니다.',
    'share.invalid.endpointNotLayer': '엣지 "{edge}"가 스코프 "{node}"에 연결되어 있습니다. 엣지는 레이어끼리만 연결합니다.',

    'share.keras.notTopology': 'Keras 모델 구조("modelTopology" 또는 "layers"가 있는 "config")가 없습니다.',
    'share.keras.unsupportedClass':
      '레이어 "{layer}"의 클래스({className})는 아직 가져올 수 없습니다. 지우거나 지원되는 레이어로 바꾸세요.',
    'share.keras.badName': '레이어 이름("{layer}")이 올바른 TensorFlow 이름이 아닙니다.',
    'share.keras.missingInbound': '레이어 "{layer}"의 입력("{inbound}")이 모델에 없습니다.',
    'share.keras.tooManyLayers': '모델의 레이어가 {count}개로 최대 {max}개를 넘습니다.',
    'share.keras.unsupportedValue':
      '레이어 "{layer}"의 {param} 값({value})은 가져올 수 없습니다. Keras에서 바꾸거나 레이어를 지우세요.',

    'share.button': '공유',
    'share.dialog.title': '이 모델 공유',
    'share.dialog.linkLabel': '이 모델의 링크',
    'share.dialog.copy': '링크 복사',
    'share.dialog.copied': '링크를 복사했습니다.',
    'share.dialog.copyFailed': '브라우저가 복사를 허용하지 않았습니다. 링크를 선택해 직접 복사하세요.',
    'share.dialog.length': '{length}자',
    'share.dialog.tooLong':
      '이 링크는 {length}자입니다. 채팅 앱과 메일 프로그램은 {max}자가 넘는 링크를 자르는 경우가 많으니 모델을 파일로 보내세요.',
    'share.dialog.download': '파일로 내려받기',
    'share.dialog.close': '닫기',
    'share.dialog.invalid': '이 모델은 아직 공유할 수 없습니다.',

    'share.files.menu': '파일',
    'share.files.newFromTemplate': '템플릿으로 새로 만들기',
    'share.files.template.default': 'MNIST 분류기(기본)',
    'share.files.template.vgg16': 'VGG-16(TF-Slim vgg_16, 분석 전용)',
    'share.files.template.vgg19': 'VGG-19(TF-Slim vgg_19, 분석 전용)',
    'share.files.save': 'JSON 파일로 저장',
    'share.files.open': 'JSON 파일 열기…',
    'share.files.importKeras': 'Keras / TensorFlow.js model.json 가져오기…',
    'share.files.exportTfjs': '학습된 모델 내보내기(TensorFlow.js)',
    'share.files.exportNotTrained': '먼저 모델을 학습하세요. 그러면 가중치를 내보낼 수 있습니다.',
    'share.files.exportFailed': '학습된 모델을 내보내지 못했습니다: {reason}',
    'share.files.opened': '"{title}" 모델을 새 문서로 열었습니다.',
    'share.files.failed': '파일을 열 수 없습니다. 지금 작업은 그대로입니다.',

    'share.docs.menu': '문서',
    'share.docs.title': '저장된 문서',
    'share.docs.empty': '저장된 문서가 아직 없습니다.',
    'share.docs.open': '열기',
    'share.docs.rename': '이름 바꾸기',
    'share.docs.delete': '삭제',
    'share.docs.current': '(지금 열림)',
    'share.docs.renamePrompt': '"{title}"의 새 이름',
    'share.docs.confirmDelete': '"{title}" 문서를 삭제할까요? 되돌릴 수 없습니다.',
    'share.docs.updated': '{time}에 저장됨',
    'share.docs.storageFailed': '이 브라우저에 저장하지 못했습니다({reason}). 모델을 파일로 저장해 보관하세요.',

    'share.link.opened': '공유된 "{title}" 모델을 새 문서로 열었습니다. 다른 문서는 "문서"에 있습니다.',
    'share.link.failed': '공유 링크를 열 수 없습니다. 지금 작업은 그대로입니다.',
    'share.notice.dismiss': '닫기',
    'share.title.default': 'MNIST 분류기',
  },
};
