import type { MessageArea } from '../types';

/**
 * Diagnostics of the graph analysis. Field names of TF (`variable_scope`, `reuse=True`, collection
 * keys, parameter names) stay untranslated in Korean.
 */
export const graphMessages: MessageArea = {
  en: {
    'graph.name.empty': 'The name is empty. Enter a name such as conv1.',
    'graph.name.tooLong': 'The name "{name}" is too long. Use at most {max} characters.',
    'graph.name.invalid':
      'The name "{name}" is invalid: TF names start with a letter, digit or "." and contain only letters, digits, "_", "." and "-". Try "{suggestion}".',
    'graph.name.duplicate':
      'The name "{name}" is already used in scope {scope}. Rename it, for example to "{suggestion}", or mark the scope reuse to share variables.',
    'graph.name.duplicateKind':
      'The name "{name}" is already used in scope {scope} by a layer and a scope. Rename one of them, for example to "{suggestion}".',

    'graph.node.badParent': '{node} is inside "{parent}", which is not a scope, so it is shown at the top level. Move it into a scope.',
    'graph.node.parentCycle': '{node} is inside a loop of scopes that contain each other. Move it to the top level.',
    'graph.node.unknownType': '{node} has the unknown layer type "{type}". Replace it with a layer from the palette.',
    'graph.scope.reuseOnNameScope':
      'Scope {node} is a name_scope, which has no reuse; the setting is ignored. Make it a variable_scope to share variables.',
    'graph.argScope.unknownType': 'The arg_scope of {node} lists the unknown layer type "{type}". Remove it from the list.',
    'graph.argScope.unknownParam':
      'The arg_scope of {scope} sets {param} for {type}, but {type} has no such parameter ({node}). Remove {param} from the arg_scope or remove {type} from its layer types.',

    'graph.param.unknown': '{node}: {type} has no parameter {param}; it is ignored. Remove it.',
    'graph.param.int': '{node}: {param} = {value} is not an integer. Enter a whole number.',
    'graph.param.float': '{node}: {param} = {value} is not a finite number. Enter a number.',
    'graph.param.bool': '{node}: {param} = {value} is not true or false.',
    'graph.param.enum': '{node}: {param} = {value} is not allowed. Use one of: {options}.',
    'graph.param.ints': '{node}: {param} = {value} is not a list of {length} integers. Enter integers such as [3, 3].',
    'graph.param.string': '{node}: {param} = {value} is not text.',
    'graph.param.min': '{node}: {param} = {value} is below the minimum {min}.',
    'graph.param.range': '{node}: {param} = {value} is outside the allowed range {range}.',
    'graph.param.collection':
      '{node}: {param} contains the invalid collection name "{value}". Use letters, digits, "_", ".", "-" and "/", separated by commas.',

    'graph.regularizer.malformed':
      '{node}: {param} = "{value}" is not a valid regularizer. Write a name with numeric arguments, for example l2(0.01) or l1_l2(l1=0.01, l2=0.01).',
    'graph.regularizer.unknown':
      '{node}: {param} = "{value}" is not a known regularizer. Use none, l1, l2, l1_l2, l1_regularizer(scale) or l2_regularizer(scale).',
    'graph.regularizer.arguments': '{node}: {param} = "{value}" has wrong arguments. Write {signature}.',
    'graph.regularizer.negative': '{node}: {param} = "{value}" has a scale less than 0. Use 0 or a positive scale.',
    'graph.initializer.malformed':
      '{node}: {param} = "{value}" is not a valid initializer. Write a name with numeric arguments, for example truncated_normal(stddev=0.01).',
    'graph.initializer.unknown':
      '{node}: {param} = "{value}" is not a known initializer. Use zeros, ones, constant(value), xavier_uniform, xavier_normal, he_normal, he_uniform or truncated_normal(stddev=…).',
    'graph.initializer.arguments': '{node}: {param} = "{value}" has wrong arguments. Write {signature}.',

    'graph.edge.unknownNode': 'Edge {edge} connects {source} to {target}, but one of them does not exist. Delete the edge.',
    'graph.edge.scope': 'Edge {edge} connects {source} to {target}, but a scope has no inputs or outputs. Connect the layers inside it.',
    'graph.edge.duplicateId': 'Edge id {edge} is used twice; the second edge is ignored. Delete it and connect again.',
    'graph.edge.selfLoop': '{node} is connected to itself. Delete the edge.',
    'graph.edge.unknownEndpoint': '{node} has no endpoint "{endpoint}". Its endpoints are: {endpoints}.',
    'graph.edge.unknownInput': '{node} has no input "{input}". Its inputs are: {inputs}.',
    'graph.edge.inputTaken': 'Input "{input}" of {node} already has an edge. Delete one of the edges.',
    'graph.edge.missingInput': '{type} {node} has nothing connected to its {input} input. Connect an endpoint to it.',
    'graph.edge.missingOnlyInput': '{type} {node} has nothing connected to its input. Connect an endpoint to it.',
    'graph.edge.cycle': '{node} is part of a cycle: its input depends on its own output. Delete one edge of the loop.',

    'graph.shape.needImage':
      '{type} {node}: input "{input}" has shape {actual}, expected {expected}. Connect an image-shaped endpoint, such as MnistInput images or a Conv2D output.',
    'graph.shape.needVector': '{type} {node}: input "{input}" has shape {actual}, expected {expected}. Connect a tensor with at least one dimension.',
    'graph.shape.needSequence':
      '{type} {node}: input "{input}" has shape {actual}, expected {expected}. Connect a sequence, for example an Input with shape [time, features].',
    'graph.shape.tooSmall':
      '{type} {node}: input "{input}" has shape {actual}, smaller than the window: expected {expected}. Use padding "same", a smaller kernel, or fewer pooling layers before it.',
    'graph.shape.sameShape':
      '{type} {node}: {other} has shape {expected} but {input} has shape {actual}, and the two must match. Make the layer that feeds {other} output shape {actual} (for Dense, set units to {units}), or connect {input} values of shape {expected}.',
    'graph.shape.sparseLabels':
      '{type} {node}: labels have shape {actual}, expected class ids of shape {expected}. Use SoftmaxCrossEntropy for one-hot labels, or set MnistInput labels to sparse.',
    'graph.shape.sequenceTargets': '{type} {node}: input "{input}" has shape {actual}, expected {expected}, one value per time step of the logits.',
    'graph.shape.needScalar':
      '{type} {node}: input "{input}" has shape {actual}, but a scalar summary needs a scalar []. Connect a loss, or use HistogramSummary.',
    'graph.shape.imageChannels':
      '{type} {node}: input "{input}" has shape {actual}, expected {expected}. An image summary needs 1, 3 or 4 channels.',

    'graph.variable.exists':
      'Variable {variable} already exists, disallowed. Did you mean to set reuse=True in VarScope? ({node}: set reuse on its variable_scope to share the variables, or rename the layer or scope.)',
    'graph.variable.notFound':
      'Variable {variable} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope? ({node}: use reuse auto, or place a layer that creates the variable earlier in the document.)',
    'graph.variable.shareShape':
      'Trying to share variable {variable}, but specified shape {expected} and found shape {actual}. ({node}: make the shared layers take the same input shape and parameters.)',

    'graph.summary.noSource': 'Summary {node} has no source. Connect an endpoint to it or set its variable parameter to a variable name.',
    'graph.summary.twoSources': 'Summary {node} has both an edge and the variable "{variable}". Keep one of them.',
    'graph.summary.variableNotFound':
      'Summary {node} names the variable "{variable}", which does not exist. Use a full name such as Classifier/Encoder/conv1/weights:0.',

    'graph.query.invalidPattern': 'The scope "{pattern}" is not a valid regular expression: check that every (, [ and { is closed and that *, + and ? follow something. Escape special characters, for example write vgg_16/conv1 or fc\\d+.',

    'graph.noLoss': 'The model has no loss, so it cannot train. Add a loss such as SoftmaxCrossEntropy and connect logits and labels.',
  },
  ko: {
    'graph.name.empty': '이름이 비어 있습니다. conv1 같은 이름을 입력하세요.',
    'graph.name.tooLong': '"{name}" 이름이 너무 깁니다. {max}자 이하로 줄이세요.',
    'graph.name.invalid':
      '"{name}"는 쓸 수 없는 이름입니다. TF 이름은 영문자, 숫자, "."로 시작하고 영문자, 숫자, "_", ".", "-"만 포함합니다. "{suggestion}" 같은 이름은 어떨까요?',
    'graph.name.duplicate':
      '"{name}" 이름은 스코프 {scope}에서 이미 쓰이고 있습니다. "{suggestion}"처럼 다른 이름으로 바꾸거나, 변수를 공유하려면 스코프에 reuse를 설정하세요.',
    'graph.name.duplicateKind':
      '스코프 {scope}에서 레이어와 스코프가 "{name}" 이름을 함께 쓰고 있습니다. 둘 중 하나를 "{suggestion}"처럼 다른 이름으로 바꾸세요.',

    'graph.node.badParent': '{node}의 상위 노드("{parent}")가 스코프가 아니어서 최상위에 표시합니다. 스코프 안으로 옮기세요.',
    'graph.node.parentCycle': '{node} 노드가 서로를 포함하는 스코프 고리 안에 있습니다. 최상위로 옮기세요.',
    'graph.node.unknownType': '{node}의 레이어 타입("{type}")을 알 수 없습니다. 팔레트에 있는 레이어로 바꾸세요.',
    'graph.scope.reuseOnNameScope':
      '{node} 스코프는 name_scope라서 reuse가 없으므로 이 설정은 무시됩니다. 변수를 공유하려면 variable_scope로 바꾸세요.',
    'graph.argScope.unknownType': '{node}의 arg_scope에 알 수 없는 레이어 타입("{type}")이 있습니다. 목록에서 지우세요.',
    'graph.argScope.unknownParam':
      '{scope}의 arg_scope가 {type}에 {param} 파라미터를 지정하지만 {type}에는 그런 파라미터가 없습니다({node}). arg_scope에서 {param} 파라미터를 지우거나 레이어 타입 목록에서 {type} 타입을 빼세요.',

    'graph.param.unknown': '{node}: {type}에는 {param} 파라미터가 없어 무시됩니다. 지우세요.',
    'graph.param.int': '{node}: {param}의 값({value})이 정수가 아닙니다. 정수를 입력하세요.',
    'graph.param.float': '{node}: {param}의 값({value})이 유한한 숫자가 아닙니다. 숫자를 입력하세요.',
    'graph.param.bool': '{node}: {param}의 값({value})이 true나 false가 아닙니다.',
    'graph.param.enum': '{node}: {param}의 값({value})은 허용되지 않습니다. 다음 중 하나를 쓰세요: {options}.',
    'graph.param.ints': '{node}: {param}의 값({value})이 정수 {length}개의 목록이 아닙니다. [3, 3]처럼 정수를 입력하세요.',
    'graph.param.string': '{node}: {param}의 값({value})이 텍스트가 아닙니다.',
    'graph.param.min': '{node}: {param}의 값({value})이 최솟값 {min}보다 작습니다.',
    'graph.param.range': '{node}: {param}의 값({value})이 허용 범위({range})를 벗어납니다.',
    'graph.param.collection':
      '{node}: {param}에 잘못된 컬렉션 이름("{value}")이 있습니다. 영문자, 숫자, "_", ".", "-", "/"만 쓰고 쉼표로 구분하세요.',

    'graph.regularizer.malformed':
      '{node}: {param}의 값("{value}")이 올바른 regularizer가 아닙니다. l2(0.01)이나 l1_l2(l1=0.01, l2=0.01)처럼 이름과 숫자 인자로 쓰세요.',
    'graph.regularizer.unknown':
      '{node}: {param}의 값("{value}")은 알 수 없는 regularizer입니다. none, l1, l2, l1_l2, l1_regularizer(scale), l2_regularizer(scale) 중 하나를 쓰세요.',
    'graph.regularizer.arguments': '{node}: {param} = "{value}"의 인자가 잘못되었습니다. {signature} 형태로 쓰세요.',
    'graph.regularizer.negative': '{node}: {param} = "{value}"의 scale이 0보다 작습니다. 0 이상의 값을 쓰세요.',
    'graph.initializer.malformed':
      '{node}: {param}의 값("{value}")이 올바른 initializer가 아닙니다. truncated_normal(stddev=0.01)처럼 이름과 숫자 인자로 쓰세요.',
    'graph.initializer.unknown':
      '{node}: {param}의 값("{value}")은 알 수 없는 initializer입니다. zeros, ones, constant(value), xavier_uniform, xavier_normal, he_normal, he_uniform, truncated_normal(stddev=…) 중 하나를 쓰세요.',
    'graph.initializer.arguments': '{node}: {param} = "{value}"의 인자가 잘못되었습니다. {signature} 형태로 쓰세요.',

    'graph.edge.unknownNode': '엣지 {edge}가 {source}와 {target}을 잇지만 둘 중 하나가 없습니다. 엣지를 지우세요.',
    'graph.edge.scope': '엣지 {edge}가 {source}와 {target}을 잇지만 스코프에는 입력과 출력이 없습니다. 스코프 안의 레이어끼리 연결하세요.',
    'graph.edge.duplicateId': '엣지 id {edge}가 두 번 쓰여 두 번째 엣지는 무시됩니다. 지우고 다시 연결하세요.',
    'graph.edge.selfLoop': '{node} 노드가 자기 자신과 연결되어 있습니다. 엣지를 지우세요.',
    'graph.edge.unknownEndpoint': '{node}에는 "{endpoint}" 엔드포인트가 없습니다. 엔드포인트: {endpoints}.',
    'graph.edge.unknownInput': '{node}에는 "{input}" 입력이 없습니다. 입력: {inputs}.',
    'graph.edge.inputTaken': '{node}의 {input} 입력에는 이미 엣지가 있습니다. 엣지 하나를 지우세요.',
    'graph.edge.missingInput': '{type} {node}의 {input} 입력에 연결된 것이 없습니다. 엔드포인트를 연결하세요.',
    'graph.edge.missingOnlyInput': '{type} {node}의 입력에 연결된 것이 없습니다. 엔드포인트를 연결하세요.',
    'graph.edge.cycle': '{node} 노드가 순환에 들어 있어 입력이 자기 출력에 의존합니다. 고리의 엣지 하나를 지우세요.',

    'graph.shape.needImage':
      '{type} {node}: 입력 "{input}"의 shape는 {actual}인데 {expected}이어야 합니다. MnistInput의 images나 Conv2D 출력처럼 이미지 형태의 엔드포인트를 연결하세요.',
    'graph.shape.needVector': '{type} {node}: 입력 "{input}"의 shape는 {actual}인데 {expected}이어야 합니다. 차원이 하나 이상인 텐서를 연결하세요.',
    'graph.shape.needSequence':
      '{type} {node}: 입력 "{input}"의 shape는 {actual}인데 {expected}이어야 합니다. shape가 [time, features]인 Input 같은 시퀀스를 연결하세요.',
    'graph.shape.tooSmall':
      '{type} {node}: 입력 "{input}"의 shape({actual})가 윈도우보다 작습니다. {expected}이어야 합니다. padding을 "same"으로 하거나, 커널을 줄이거나, 앞의 풀링 레이어를 줄이세요.',
    'graph.shape.sameShape':
      '{type} {node}: {other}의 shape는 {expected}이고 {input}의 shape는 {actual}입니다. 두 shape가 같아야 합니다. {other}에 연결된 레이어가 shape {actual}인 출력을 내게 하거나(Dense라면 units = {units}), {input}에 shape가 {expected}인 값을 연결하세요.',
    'graph.shape.sparseLabels':
      '{type} {node}: labels의 shape는 {actual}인데 shape가 {expected}인 클래스 id여야 합니다. one-hot 레이블에는 SoftmaxCrossEntropy를 쓰거나, MnistInput의 labels를 sparse로 바꾸세요.',
    'graph.shape.sequenceTargets': '{type} {node}: 입력 "{input}"의 shape는 {actual}인데 logits의 시간 단계마다 값 하나씩, {expected}이어야 합니다.',
    'graph.shape.needScalar':
      '{type} {node}: 입력 "{input}"의 shape는 {actual}이지만 scalar summary에는 스칼라 []가 필요합니다. loss를 연결하거나 HistogramSummary를 쓰세요.',
    'graph.shape.imageChannels':
      '{type} {node}: 입력 "{input}"의 shape는 {actual}인데 {expected}이어야 합니다. image summary는 채널이 1, 3, 4개여야 합니다.',

    'graph.variable.exists':
      '{variable} 변수가 이미 있어 만들 수 없습니다. VarScope에 reuse=True를 설정하려던 것인가요? ({node}: 변수를 공유하려면 variable_scope에 reuse를 설정하고, 아니면 레이어나 스코프 이름을 바꾸세요.)',
    'graph.variable.notFound':
      '{variable} 변수가 없거나 tf.get_variable()로 만든 것이 아닙니다. VarScope에 reuse=tf.AUTO_REUSE를 설정하려던 것인가요? ({node}: reuse를 auto로 하거나, 변수를 만드는 레이어를 문서에서 더 앞에 두세요.)',
    'graph.variable.shareShape':
      '{variable} 변수를 공유하려 했지만 지정한 shape는 {expected}, 기존 shape는 {actual}입니다. ({node}: 공유하는 레이어들의 입력 shape와 파라미터를 같게 하세요.)',

    'graph.summary.noSource': 'Summary {node}에 소스가 없습니다. 엔드포인트를 연결하거나 variable 파라미터에 변수 이름을 넣으세요.',
    'graph.summary.twoSources': 'Summary {node}에 엣지와 변수("{variable}")가 둘 다 있습니다. 하나만 남기세요.',
    'graph.summary.variableNotFound':
      'Summary {node} 노드가 가리키는 변수("{variable}")가 없습니다. Classifier/Encoder/conv1/weights:0 같은 전체 이름을 쓰세요.',

    'graph.query.invalidPattern': '스코프 패턴("{pattern}")이 올바른 정규식이 아닙니다. (, [, {가 모두 닫혔는지, *, +, ? 앞에 글자가 있는지 확인하세요. vgg_16/conv1이나 fc\\d+처럼 특수 문자를 이스케이프하세요.',

    'graph.noLoss': '모델에 loss가 없어 학습할 수 없습니다. SoftmaxCrossEntropy 같은 loss를 추가하고 logits와 labels를 연결하세요.',
  },
};
